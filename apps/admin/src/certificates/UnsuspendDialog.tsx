import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { IdentityDocument } from '@app/contracts';
import { useState } from 'react';
import {
  BooleanInput,
  Button,
  Form,
  maxLength,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { IDENTITY_DOCUMENT_CHOICES } from './certificate-choices';
import type { CertificateDetail } from './certificate.types';
import { useCertificateAction } from './use-certificate-action';

const mustBeSeen = (value: unknown) => (value === true ? undefined : 'certificates.unsuspend.mustBeSeen');

/**
 * 憑證解禁: the teller records which document they checked with the customer in front of them; a
 * supervisor of the branch then approves it in the approvals queue (unless four eyes are off).
 */
export const UnsuspendButton = () => {
  const record = useRecordContext<CertificateDetail>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending } = useCertificateAction();
  if (!record) return null;
  const submit = (values: Record<string, unknown>) =>
    run(
      {
        action: 'requestUnsuspend',
        documentType: values.documentType as IdentityDocument,
        seenInPerson: values.seenInPerson === true,
        note: typeof values.note === 'string' ? values.note : undefined,
      },
      'certificates.unsuspend.done',
      () => setOpen(false),
    );
  return (
    <>
      <Button label="certificates.unsuspend.button" onClick={() => setOpen(true)}>
        <LockOpenIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="unsuspend-title" fullWidth maxWidth="sm">
        <Form onSubmit={submit} defaultValues={{ documentType: 'NATIONAL_ID_CARD', seenInPerson: false }}>
          <DialogTitle id="unsuspend-title">{translate('certificates.unsuspend.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText>
              {translate('certificates.unsuspend.content', { cn: record.commonName })}
            </DialogContentText>
            <SelectInput
              source="documentType"
              label="certificates.unsuspend.documentType"
              choices={IDENTITY_DOCUMENT_CHOICES}
              validate={required()}
              fullWidth
            />
            <BooleanInput source="seenInPerson" label="certificates.unsuspend.seenInPerson" validate={mustBeSeen} />
            <TextInput
              source="note"
              label="certificates.unsuspend.note"
              multiline
              fullWidth
              validate={maxLength(200)}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton
              alwaysEnable
              label="certificates.unsuspend.confirm"
              icon={<LockOpenIcon />}
              disabled={isPending}
            />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
