import {
  DataTable,
  FilterButton,
  List,
  SelectField,
  SelectInput,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { BranchInput } from '../common/BranchInput';
import { CsvExportButton } from '../common/CsvExportButton';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import { BulkRemindButton } from './BulkRemindButton';
import { CalendarDateInput } from './CalendarDateInput';
import { StatusChangedBeforeInput } from './StatusChangedBeforeInput';
import { CERTIFICATE_STATUS_CHOICES, CERTIFICATE_USAGE_CHOICES } from './certificate-choices';
import { certificateListFilter } from './certificate.provider';

const filters = (withBranch: boolean) => [
  <TextInput key="idNumber" source="idNumber" alwaysOn resettable />,
  <TextInput key="commonName" source="commonName" resettable />,
  <TextInput key="serialHex" source="serialHex" resettable />,
  <SelectInput key="status" source="status" choices={CERTIFICATE_STATUS_CHOICES} alwaysOn />,
  <CalendarDateInput key="notAfterFrom" source="notAfterFrom" />,
  <CalendarDateInput key="notAfterTo" source="notAfterTo" />,
  ...(withBranch ? [<BranchInput key="branchId" source="branchId" />] : []),
  // Set by the dashboard's "held for over N days" figure; removable, not typed.
  <StatusChangedBeforeInput key="statusChangedBefore" source="statusChangedBefore" />,
];

/** Supervisors and admins may take the filtered list away as CSV (the API refuses tellers). */
const actions = (canExport: boolean) => (
  <TopToolbar>
    <FilterButton />
    {canExport && <CsvExportButton path="/exports/certificates.csv" toQuery={certificateListFilter} />}
  </TopToolbar>
);

/** 憑證查詢 at the counter: by customer ID, CN, serial, status or expiry window; soonest expiry first. */
const CertificateList = () => {
  const onError = useNotifyApiError();
  const { permissions } = usePermissions<string>();
  return (
    <List
      filters={filters(permissions === 'ADMIN')}
      actions={actions(permissions === 'SUPERVISOR' || permissions === 'ADMIN')}
      sort={{ field: 'notAfter', order: 'ASC' }}
      exporter={false}
      queryOptions={{ onError }}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={permissions === 'SUPERVISOR' || permissions === 'ADMIN' ? <BulkRemindButton /> : false}
      >
        <DataTable.Col source="customer.idNumber" disableSort />
        <DataTable.Col source="customer.name" disableSort />
        <DataTable.Col source="commonName" />
        <DataTable.Col source="serialHex" disableSort />
        <DataTable.Col source="usage" disableSort>
          <SelectField source="usage" choices={CERTIFICATE_USAGE_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={CERTIFICATE_STATUS_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="notAfter">
          <DateTimeField source="notAfter" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default CertificateList;
