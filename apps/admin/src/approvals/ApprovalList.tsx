import { DataTable, List, ReferenceField, SelectField, SelectInput, TextField } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { IDENTITY_DOCUMENT_CHOICES } from '../certificates/certificate-choices';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import { APPROVAL_STATUS_CHOICES } from './approval-choices';
import { ApprovalDecisionButtons } from './ApprovalDecisionButtons';

const filters = [<SelectInput key="status" source="status" choices={APPROVAL_STATUS_CHOICES} alwaysOn />];

/** 待覆核: unsuspend requests of the branch, oldest first, with who asked, what they checked and why. */
const ApprovalList = () => {
  const onError = useNotifyApiError();
  return (
    <List filters={filters} filterDefaultValues={{ status: 'PENDING' }} exporter={false} queryOptions={{ onError }}>
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="requestedAt" disableSort>
          <DateTimeField source="requestedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="certificate.customer.idNumber" disableSort />
        <DataTable.Col source="certificate.customer.name" disableSort />
        <DataTable.Col source="certificate.commonName" disableSort>
          <ReferenceField source="certificateId" reference="certificates" link="show">
            <TextField source="commonName" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="requestedBy.displayName" disableSort />
        <DataTable.Col source="documentType" disableSort>
          <SelectField source="documentType" choices={IDENTITY_DOCUMENT_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="note" disableSort />
        <DataTable.Col source="status" disableSort>
          <SelectField source="status" choices={APPROVAL_STATUS_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="decisionReason" disableSort />
        <DataTable.Col source="actions" label="" disableSort>
          <ApprovalDecisionButtons />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default ApprovalList;
