import { ArrayField, DataTable, FunctionField, SelectField, useTranslate } from 'react-admin';
import { DateTimeField } from '../calendar/DateTimeField';
import { CERTIFICATE_STATUS_CHOICES, IDENTITY_DOCUMENT_CHOICES } from './certificate-choices';
import type { CertificateEvent } from './certificate.types';

/** The certificate's audit events, oldest first: what happened, who did it, through which channel. */
export const CertificateHistory = () => {
  const translate = useTranslate();
  return (
    <ArrayField source="history">
      <DataTable bulkActionButtons={false} rowClick={false} hover={false}>
        <DataTable.Col source="occurredAt">
          <DateTimeField source="occurredAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="action">
          <FunctionField<CertificateEvent>
            render={(e) => translate(`certificates.actions.${e.action}`, { _: e.action })}
          />
        </DataTable.Col>
        <DataTable.Col source="toStatus">
          <SelectField source="toStatus" choices={CERTIFICATE_STATUS_CHOICES} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="actor">
          <FunctionField<CertificateEvent>
            render={(e) =>
              e.actorName ? `${e.actorName} (${e.actor})` : (e.actor ?? translate('certificates.system'))
            }
          />
        </DataTable.Col>
        <DataTable.Col source="channel">
          <FunctionField<CertificateEvent>
            render={(e) => translate(`enums.ActorChannel.${e.channel}`, { _: e.channel })}
          />
        </DataTable.Col>
        <DataTable.Col source="documentType">
          <SelectField source="documentType" choices={IDENTITY_DOCUMENT_CHOICES} emptyText="" />
        </DataTable.Col>
        <DataTable.Col source="reason">
          <FunctionField<CertificateEvent>
            render={(e) => (e.reason ? translate(`enums.RevocationReason.${e.reason}`, { _: e.reason }) : '')}
          />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
};
