import { CreateButton, DataTable, ReferenceManyField, SelectField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import type { Customer } from '../data/api-types';
import { TOKEN_STATUS_CHOICES, TOKEN_TYPE_CHOICES } from './token-choices';
import { TokenStatusButtons } from './TokenStatusButtons';

/** For CustomerShow: the customer's tokens with their write-off buttons, and a button to register one. */
export const CustomerTokens = () => {
  const customer = useRecordContext<Customer>();
  return (
    <ReferenceManyField
      reference="tokens"
      target="customerId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={50}
      label="resources.tokens.name"
    >
      <CreateButton resource="tokens" state={{ record: { customerId: customer?.id } }} label="tokens.register" />
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="serial" />
        <DataTable.Col source="type" disableSort>
          <SelectField source="type" choices={TOKEN_TYPE_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={TOKEN_STATUS_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="statusChangedAt">
          <DateTimeField source="statusChangedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="actions" label="" disableSort>
          <TokenStatusButtons />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};
