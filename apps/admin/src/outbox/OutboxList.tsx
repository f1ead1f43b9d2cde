import { DataTable, List } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { useNotifyApiError } from '../errors/use-notify-api-error';

/** Mail the demo kept instead of sending, newest first. */
const OutboxList = () => {
  const onError = useNotifyApiError();
  return (
    <List exporter={false} queryOptions={{ onError }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" disableSort>
          <DateTimeField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="recipient" disableSort />
        <DataTable.Col source="subject" disableSort />
      </DataTable>
    </List>
  );
};

export default OutboxList;
