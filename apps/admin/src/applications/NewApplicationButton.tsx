import { CreateButton, usePermissions, useRecordContext } from 'react-admin';
import type { Customer } from '../data/api-types';

/** 新增申請 on a customer's page: opens the application form with the customer and e-mail filled in. */
export const NewApplicationButton = () => {
  const customer = useRecordContext<Customer>();
  const { permissions } = usePermissions<string>();
  if (!customer || permissions !== 'TELLER') return null;
  return (
    <CreateButton
      resource="applications"
      label="applications.new"
      state={{ record: { customerId: customer.id, email: customer.email ?? '' } }}
    />
  );
};
