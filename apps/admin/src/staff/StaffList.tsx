import { BooleanField, DataTable, List, SelectField, SelectInput, TextInput } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { BranchInput } from '../common/BranchInput';
import { STAFF_ROLE_CHOICES } from '../common/enum-choices';
import { useNotifyApiError } from '../errors/use-notify-api-error';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <SelectInput key="role" source="role" choices={STAFF_ROLE_CHOICES} alwaysOn />,
  <BranchInput key="branchId" source="branchId" alwaysOn />,
];

/** Staff accounts by username; a row opens the account for editing. */
const StaffList = () => {
  const onError = useNotifyApiError();
  return (
    <List filters={filters} sort={{ field: 'username', order: 'ASC' }} exporter={false} queryOptions={{ onError }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="role">
          <SelectField source="role" choices={STAFF_ROLE_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="branch.name" disableSort />
        <DataTable.Col source="active" disableSort>
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col source="lockedUntil" disableSort>
          <DateTimeField source="lockedUntil" showTime />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default StaffList;
