import { EditButton, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { NewApplicationButton } from '../applications/NewApplicationButton';
import { CustomerCertificates } from '../certificates/CustomerCertificates';
import { CUSTOMER_KIND_CHOICES, ID_KIND_CHOICES } from '../common/enum-choices';
import { useRecordLoadError } from '../errors/use-notify-api-error';
import { CustomerTokens } from '../tokens/CustomerTokens';

const actions = (
  <TopToolbar>
    <EditButton />
    <NewApplicationButton />
  </TopToolbar>
);

const CustomerShow = () => {
  const onError = useRecordLoadError('customers');
  return (
    <Show actions={actions} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <TextField source="idNumber" />
        <SelectField source="idKind" choices={ID_KIND_CHOICES} />
        <SelectField source="kind" choices={CUSTOMER_KIND_CHOICES} />
        <TextField source="name" />
        <TextField source="email" emptyText="—" />
        <TextField source="phone" emptyText="—" />
        <TextField source="homeBranch.name" />
        <DateTimeField source="createdAt" showTime />
        <DateTimeField source="updatedAt" showTime />
        <CustomerTokens />
        <CustomerCertificates />
      </SimpleShowLayout>
    </Show>
  );
};

export default CustomerShow;
