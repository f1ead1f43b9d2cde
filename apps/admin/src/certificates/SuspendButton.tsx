import PauseCircleOutlinedIcon from '@mui/icons-material/PauseCircleOutlined';
import { useState } from 'react';
import { Button, Confirm, useRecordContext } from 'react-admin';
import type { CertificateDetail } from './certificate.types';
import { useCertificateAction } from './use-certificate-action';

/** 憑證暫禁 on the customer's request, after a confirmation. */
export const SuspendButton = () => {
  const record = useRecordContext<CertificateDetail>();
  const [open, setOpen] = useState(false);
  const { run, isPending } = useCertificateAction();
  if (!record) return null;
  return (
    <>
      <Button label="certificates.suspend.button" onClick={() => setOpen(true)} disabled={isPending}>
        <PauseCircleOutlinedIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="certificates.suspend.title"
        content="certificates.suspend.content"
        translateOptions={{ cn: record.commonName }}
        onConfirm={() => run({ action: 'suspend' }, 'certificates.suspend.done', () => setOpen(false))}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
