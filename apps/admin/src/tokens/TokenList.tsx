import { DataTable, List, SelectField, SelectInput, TextInput } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import { TOKEN_STATUS_CHOICES, TOKEN_TYPE_CHOICES } from './token-choices';
import { TokenStatusButtons } from './TokenStatusButtons';

const filters = [
  <TextInput key="serial" source="serial" alwaysOn resettable />,
  <SelectInput key="type" source="type" choices={TOKEN_TYPE_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={TOKEN_STATUS_CHOICES} alwaysOn />,
];

/** The branch's tokens, newest first, with the write-off buttons on each row. */
const TokenList = () => {
  const onError = useNotifyApiError();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} queryOptions={{ onError }}>
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="serial" />
        <DataTable.Col source="type" disableSort>
          <SelectField source="type" choices={TOKEN_TYPE_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={TOKEN_STATUS_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="owner.idNumber" disableSort />
        <DataTable.Col source="owner.name" disableSort />
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="actions" label="" disableSort>
          <TokenStatusButtons />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default TokenList;
