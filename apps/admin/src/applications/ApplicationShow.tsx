import {
  Labeled,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { useRecordLoadError } from '../errors/use-notify-api-error';
import { APPLICATION_STATUS_CHOICES, applicationActions, MEDIUM_CHOICES } from './application-choices';
import type { Application } from './application.queries';
import { CancelApplicationButton } from './CancelApplicationButton';
import { PrintNoticeButton } from './PrintNoticeButton';

/** Printing and cancelling are a teller's, and only where the state machine allows them. */
const Actions = () => {
  const record = useRecordContext<Application>();
  const { permissions } = usePermissions<string>();
  if (!record || permissions !== 'TELLER') return <TopToolbar />;
  const can = applicationActions(record.status);
  return (
    <TopToolbar>
      {can.print && <PrintNoticeButton />}
      {can.reissue && <PrintNoticeButton reissue />}
      {can.cancel && <CancelApplicationButton />}
    </TopToolbar>
  );
};

/** The live notice: its number and validity, never the password. */
const NoticeFields = () => {
  const record = useRecordContext<Application>();
  if (!record?.notice) return null;
  return (
    <>
      <Labeled label="resources.applications.fields.notice.noticeNumber">
        <TextField source="notice.noticeNumber" />
      </Labeled>
      <Labeled label="resources.applications.fields.notice.printedAt">
        <DateTimeField source="notice.printedAt" showTime />
      </Labeled>
      <Labeled label="resources.applications.fields.notice.expiresAt">
        <DateTimeField source="notice.expiresAt" showTime />
      </Labeled>
      <Labeled label="resources.applications.fields.notice.triesLeft">
        <NumberField source="notice.triesLeft" />
      </Labeled>
    </>
  );
};

const ApplicationShow = () => {
  const onError = useRecordLoadError('applications');
  return (
    <Show actions={<Actions />} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <TextField source="commonName" />
        <SelectField source="status" choices={APPLICATION_STATUS_CHOICES} />
        <TextField source="customer.name" />
        <TextField source="customer.idNumber" />
        <TextField source="certType" />
        <SelectField source="medium" choices={MEDIUM_CHOICES} />
        <TextField source="email" />
        <TextField source="branch.name" />
        <TextField source="tellerUsername" emptyText="resources.applications.helpers.onlineConversion" />
        <DateTimeField source="statusChangedAt" showTime />
        <DateTimeField source="createdAt" showTime />
        <NoticeFields />
      </SimpleShowLayout>
    </Show>
  );
};

export default ApplicationShow;
