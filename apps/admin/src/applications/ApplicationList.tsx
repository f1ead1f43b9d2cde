import {
  DataTable,
  FilterButton,
  List,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { CsvExportButton } from '../common/CsvExportButton';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import { APPLICATION_STATUS_CHOICES, MEDIUM_CHOICES } from './application-choices';
import { applicationListFilter } from './application.provider';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <SelectInput key="status" source="status" choices={APPLICATION_STATUS_CHOICES} alwaysOn />,
  <SelectInput key="medium" source="medium" choices={MEDIUM_CHOICES} />,
];

/** Supervisors and admins may take the filtered list away as CSV (the API refuses tellers). */
const actions = (canExport: boolean) => (
  <TopToolbar>
    <FilterButton />
    {canExport && <CsvExportButton path="/exports/applications.csv" toQuery={applicationListFilter} />}
  </TopToolbar>
);

/** Counter applications of the branch, newest first; narrow by status (e.g. those waiting for a notice). */
const ApplicationList = () => {
  const onError = useNotifyApiError();
  const { permissions } = usePermissions<string>();
  return (
    <List
      filters={filters}
      actions={actions(permissions === 'SUPERVISOR' || permissions === 'ADMIN')}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      queryOptions={{ onError }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="commonName" />
        <DataTable.Col source="customer.name" disableSort />
        <DataTable.Col source="medium">
          <SelectField source="medium" choices={MEDIUM_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={APPLICATION_STATUS_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="tellerUsername" disableSort>
          <TextField source="tellerUsername" emptyText="resources.applications.helpers.onlineConversion" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default ApplicationList;
