import { Labeled, SelectField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { useRecordLoadError } from '../errors/use-notify-api-error';
import { CertificateActions } from './CertificateActions';
import { CertificateHistory } from './CertificateHistory';
import {
  CERTIFICATE_STATUS_CHOICES,
  CERTIFICATE_USAGE_CHOICES,
  REVOCATION_REASON_CHOICES,
  STORAGE_MEDIUM_CHOICES,
} from './certificate-choices';

const mono = { fontFamily: 'monospace', wordBreak: 'break-all' } as const;

/** One certificate: its details as the proof sheet shows them, its history, and the counter's actions. */
const CertificateShow = () => {
  const onError = useRecordLoadError('certificates');
  const translate = useTranslate();
  return (
    <Show actions={<CertificateActions />} queryOptions={{ onError }}>
      <SimpleShowLayout>
        <TextField source="customer.idNumber" />
        <TextField source="customer.name" />
        <TextField source="commonName" />
        <SelectField source="status" choices={CERTIFICATE_STATUS_CHOICES} />
        <SelectField source="revocationReason" choices={REVOCATION_REASON_CHOICES} emptyText="—" />
        <SelectField source="usage" choices={CERTIFICATE_USAGE_CHOICES} />
        <TextField source="serialHex" sx={mono} />
        <TextField source="subjectDn" />
        <TextField source="issuerDn" emptyText="—" />
        <TextField source="fingerprintSha256" sx={mono} emptyText="—" />
        <DateTimeField source="notBefore" showTime />
        <DateTimeField source="notAfter" showTime />
        <SelectField source="medium" choices={STORAGE_MEDIUM_CHOICES} />
        <TextField source="token.serial" emptyText="—" />
        <TextField source="branch.name" />
        <DateTimeField source="statusChangedAt" showTime />
        <Labeled label={translate('resources.certificates.fields.history')} fullWidth>
          <CertificateHistory />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};

export default CertificateShow;
