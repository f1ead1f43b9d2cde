import { DataTable, List, SelectField, TextInput } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { BranchInput } from '../common/BranchInput';
import { CUSTOMER_KIND_CHOICES } from '../common/enum-choices';
import { useNotifyApiError } from '../errors/use-notify-api-error';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <BranchInput key="homeBranchId" source="homeBranchId" alwaysOn />,
];

/** Customers, newest change first; search by ID number or name, narrow by home branch. */
const CustomerList = () => {
  const onError = useNotifyApiError();
  return (
    <List filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} exporter={false} queryOptions={{ onError }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="idNumber" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" disableSort>
          <SelectField source="kind" choices={CUSTOMER_KIND_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="email" disableSort />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="homeBranch.name" disableSort />
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default CustomerList;
