import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { useRecordLoadError } from '../errors/use-notify-api-error';
import { ChangeTable } from './ChangeTable';

/** One audit event with what it changed. Read-only: the trail is append-only. */
const AuditShow = () => {
  const onError = useRecordLoadError('audit');
  return (
    <Show actions={false} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <TextField source="seq" emptyText="—" />
        <DateTimeField source="occurredAt" showTime />
        <TextField source="actorType" />
        <TextField source="actorUsername" emptyText="—" />
        <TextField source="actorRole" emptyText="—" />
        <TextField source="branchCode" emptyText="—" />
        <TextField source="kioskId" emptyText="—" />
        <TextField source="action" />
        <TextField source="targetType" />
        <TextField source="targetId" emptyText="—" />
        <Labeled label="audit.changes.title" fullWidth>
          <ChangeTable />
        </Labeled>
        <TextField source="requestId" emptyText="—" />
        <TextField source="clientIp" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
};

export default AuditShow;
