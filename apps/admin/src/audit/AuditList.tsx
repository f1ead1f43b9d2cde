import { DataTable, DateTimeInput, FilterButton, List, TextInput, TopToolbar, usePermissions } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { BranchInput } from '../common/BranchInput';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import { auditFilter } from './audit.provider';
import { CsvExportButton } from '../common/CsvExportButton';

const filters = (withBranch: boolean) => [
  <TextInput key="actor" source="actor" alwaysOn resettable />,
  <TextInput key="action" source="action" alwaysOn resettable />,
  <DateTimeInput key="from" source="from" alwaysOn />,
  <DateTimeInput key="to" source="to" alwaysOn />,
  ...(withBranch ? [<BranchInput key="branchCode" source="branchCode" optionValue="code" />] : []),
  <TextInput key="targetType" source="targetType" resettable />,
  <TextInput key="targetId" source="targetId" resettable />,
];

const actions = (
  <TopToolbar>
    <FilterButton />
    <CsvExportButton path="/exports/audit.csv" toQuery={auditFilter} />
  </TopToolbar>
);

/** The audit trail, newest first: who did what, where, to which record. */
const AuditList = () => {
  const onError = useNotifyApiError();
  const { permissions } = usePermissions<string>();
  return (
    <List
      filters={filters(permissions === 'ADMIN')}
      actions={actions}
      sort={{ field: 'occurredAt', order: 'DESC' }}
      exporter={false}
      queryOptions={{ onError }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="occurredAt">
          <DateTimeField source="occurredAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorUsername" disableSort />
        <DataTable.Col source="actorRole" disableSort />
        <DataTable.Col source="branchCode" />
        <DataTable.Col source="action" />
        <DataTable.Col source="targetType" disableSort />
        <DataTable.Col source="targetId" disableSort />
      </DataTable>
    </List>
  );
};

export default AuditList;
