import CancelIcon from '@mui/icons-material/Cancel';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useUpdate } from 'react-admin';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import type { Application } from './application.queries';

/** Cancels the application after a confirmation; its password, if any, stops working at once. */
export const CancelApplicationButton = () => {
  const record = useRecordContext<Application>();
  const [open, setOpen] = useState(false);
  const [update, { isPending }] = useUpdate<Application>();
  const notify = useNotify();
  const onError = useNotifyApiError();
  if (!record) return null;
  const cancel = () => {
    setOpen(false);
    void update(
      'applications',
      { id: record.id, data: { status: 'CANCELLED' }, previousData: record },
      { mutationMode: 'pessimistic', onSuccess: () => notify('applications.cancelled', { type: 'info' }), onError },
    );
  };
  return (
    <>
      <Button label="applications.cancel" color="error" disabled={isPending} onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="applications.cancelTitle"
        content="applications.cancelContent"
        onConfirm={cancel}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
