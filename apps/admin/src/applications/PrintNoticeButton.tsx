import PrintIcon from '@mui/icons-material/Print';
import { CircularProgress } from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { usePrintPdf } from '../documents/use-print-pdf';
import type { Application } from './application.queries';

/**
 * Prints 憑證密碼通知書: the API makes the password, stores its hash and returns the PDF once; the
 * console never sees the password as data, only the PDF it hands to the browser's viewer. A reissue
 * (lost notice) asks first, since the customer's current password dies.
 */
export const PrintNoticeButton = ({ reissue = false }: { reissue?: boolean }) => {
  const record = useRecordContext<Application>();
  const { print, busy } = usePrintPdf();
  const [confirming, setConfirming] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const run = async () => {
    setConfirming(false);
    const done = await print(
      `/documents/applications/${record.id}/notice`,
      { reissue, version: record.version },
      `notice-${record.commonName}.pdf`,
    );
    if (done) notify('applications.notice.printed', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button
        label={reissue ? 'applications.notice.reissue' : 'applications.notice.print'}
        disabled={busy}
        onClick={() => (reissue ? setConfirming(true) : void run())}
      >
        {busy ? <CircularProgress size={16} /> : <PrintIcon />}
      </Button>
      <Confirm
        isOpen={confirming}
        title="applications.notice.reissueTitle"
        content="applications.notice.reissueContent"
        onConfirm={() => void run()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
