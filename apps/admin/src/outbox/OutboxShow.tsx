import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { useRecordLoadError } from '../errors/use-notify-api-error';

/** One kept message as the customer would have read it. */
const OutboxShow = () => {
  const onError = useRecordLoadError('mail-outbox');
  return (
    <Show actions={false} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <DateTimeField source="createdAt" showTime />
        <TextField source="recipient" />
        <TextField source="subject" />
        <TextField source="body" component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} />
      </SimpleShowLayout>
    </Show>
  );
};

export default OutboxShow;
