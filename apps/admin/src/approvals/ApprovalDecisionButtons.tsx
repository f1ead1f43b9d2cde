import { ApprovalStatus } from '@app/contracts';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Confirm,
  Form,
  maxLength,
  required,
  SaveButton,
  TextInput,
  useGetIdentity,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import type { ApprovalDecision } from './approval.provider';
import type { ApprovalRecord } from './approval.queries';

/**
 * Approve (the unsuspend takes effect and the CRL is republished) or reject with a reason. Shown to
 * supervisors, never on their own requests (four eyes; the API refuses those anyway).
 */
export const ApprovalDecisionButtons = () => {
  const record = useRecordContext<ApprovalRecord>();
  const { permissions } = usePermissions<string>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useNotifyApiError();
  if (!record || permissions !== 'SUPERVISOR' || record.status !== ApprovalStatus.PENDING) return null;
  if (identity?.id === record.requestedById) return null;
  const decide = (decision: ApprovalDecision) =>
    void update(
      'approvals',
      { id: record.id, data: {}, previousData: record, meta: decision },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(`approvals.${decision.action}.done`, { type: 'success' });
          setDialog(null);
          refresh();
        },
        onError,
      },
    );
  const vars = { cn: record.certificate.commonName, name: record.certificate.customer.name };
  return (
    <>
      <Button label="approvals.approve.button" onClick={() => setDialog('approve')} disabled={isPending}>
        <CheckIcon />
      </Button>
      <Button label="approvals.reject.button" color="error" onClick={() => setDialog('reject')} disabled={isPending}>
        <CloseIcon />
      </Button>
      <Confirm
        isOpen={dialog === 'approve'}
        loading={isPending}
        title="approvals.approve.title"
        content="approvals.approve.content"
        translateOptions={vars}
        onConfirm={() => decide({ action: 'approve' })}
        onClose={() => setDialog(null)}
      />
      <Dialog open={dialog === 'reject'} onClose={() => setDialog(null)} aria-labelledby="reject-title" fullWidth>
        <Form
          onSubmit={(values: Record<string, unknown>) =>
            decide({ action: 'reject', reason: String(values.reason ?? '') })
          }
        >
          <DialogTitle id="reject-title">{translate('approvals.reject.title', vars)}</DialogTitle>
          <DialogContent>
            <TextInput
              source="reason"
              label="approvals.reject.reason"
              multiline
              fullWidth
              validate={[required(), maxLength(200)]}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setDialog(null)} />
            <SaveButton
              alwaysEnable
              label="approvals.reject.confirm"
              color="error"
              icon={<CloseIcon />}
              disabled={isPending}
            />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
