import { CertificateStatus } from '@app/contracts';
import { ActorChannel, nextCertificateStatuses } from '@app/domain';
import { Chip } from '@mui/material';
import { ProofSheetButton } from '../documents/ProofSheetButton';
import { TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { CertificateDetail } from './certificate.types';
import { RevokeButton } from './RevokeDialog';
import { SuspendButton } from './SuspendButton';
import { UnsuspendButton } from './UnsuspendDialog';

/** What a teller may do with the certificate now, as the state machine allows at the counter. */
export const CertificateActions = () => {
  const record = useRecordContext<CertificateDetail>();
  const { permissions } = usePermissions<string>();
  const translate = useTranslate();
  if (!record) return <TopToolbar />;
  const next = nextCertificateStatuses(record.status, { channel: ActorChannel.COUNTER });
  const teller = permissions === 'TELLER';
  return (
    <TopToolbar>
      {record.pendingUnsuspend && (
        <Chip color="warning" label={translate('certificates.unsuspend.pending')} data-testid="unsuspend-pending" />
      )}
      {teller && next.includes(CertificateStatus.SUSPENDED) && <SuspendButton />}
      {teller && record.status === CertificateStatus.SUSPENDED && !record.pendingUnsuspend && <UnsuspendButton />}
      {teller && next.includes(CertificateStatus.REVOKED) && <RevokeButton />}
      {record.status !== CertificateStatus.PENDING && <ProofSheetButton certificateId={record.id} />}
    </TopToolbar>
  );
};
