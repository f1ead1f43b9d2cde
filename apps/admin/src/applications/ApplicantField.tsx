import { Typography } from '@mui/material';
import { FormDataConsumer, Labeled, Link, useCreatePath, useGetOne } from 'react-admin';
import type { Customer } from '../data/api-types';

const Applicant = ({ customerId }: { customerId?: string }) => {
  const { data } = useGetOne<Customer>('customers', { id: customerId ?? '' }, { enabled: !!customerId });
  const createPath = useCreatePath();
  return (
    <Typography variant="body2" component="span">
      {data ? (
        <Link to={createPath({ resource: 'customers', type: 'show', id: data.id })}>
          {data.name}（{data.idNumber}）
        </Link>
      ) : (
        '—'
      )}
    </Typography>
  );
};

/** Whom the application is for, from the form's customerId (set by the customer page's button). */
export const ApplicantField = () => (
  <Labeled label="resources.applications.fields.customerId">
    <FormDataConsumer<{ customerId?: string }>>
      {({ formData }) => <Applicant customerId={formData.customerId} />}
    </FormDataConsumer>
  </Labeled>
);
