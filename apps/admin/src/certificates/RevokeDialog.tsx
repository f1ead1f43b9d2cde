import BlockIcon from '@mui/icons-material/Block';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { RevocationReason } from '@app/contracts';
import { useState } from 'react';
import { Button, Form, required, SaveButton, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { REVOCATION_REASON_CHOICES } from './certificate-choices';
import type { CertificateDetail } from './certificate.types';
import { useCertificateAction } from './use-certificate-action';

/** 憑證廢止 on the customer's request: final, so the reason is asked for and the step is spelled out. */
export const RevokeButton = () => {
  const record = useRecordContext<CertificateDetail>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending } = useCertificateAction();
  if (!record) return null;
  const submit = (values: Record<string, unknown>) =>
    run({ action: 'revoke', reason: values.reason as RevocationReason }, 'certificates.revoke.done', () =>
      setOpen(false),
    );
  return (
    <>
      <Button label="certificates.revoke.button" color="error" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="revoke-title" fullWidth maxWidth="sm">
        <Form onSubmit={submit} defaultValues={{ reason: 'UNSPECIFIED' }}>
          <DialogTitle id="revoke-title">{translate('certificates.revoke.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('certificates.revoke.content', { cn: record.commonName })}</DialogContentText>
            <SelectInput
              source="reason"
              label="certificates.revoke.reason"
              choices={REVOCATION_REASON_CHOICES}
              validate={required()}
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton
              alwaysEnable
              label="certificates.revoke.confirm"
              color="error"
              icon={<BlockIcon />}
              disabled={isPending}
            />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
