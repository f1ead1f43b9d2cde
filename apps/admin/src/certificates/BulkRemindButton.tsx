import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import { Button, useCreate, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import type { BulkReminderRecord } from '../reports/report.provider';

/**
 * 寄送到期通知 for the selected certificates (supervisors and admins): each row is sent and audited
 * on its own; the rows the API refused stay selected and are named in the notice with the reason.
 */
export const BulkRemindButton = () => {
  const { selectedIds } = useListContext();
  const [create, { isPending }] = useCreate<BulkReminderRecord & { certificateIds: string[] }>();
  const notify = useNotify();
  const translate = useTranslate();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('certificates');
  const onError = useNotifyApiError();
  const send = () =>
    void create(
      'bulk-reminders',
      { data: { certificateIds: selectedIds.map(String) } },
      {
        onSuccess: ({ done, refused }) => {
          if (refused.length === 0) {
            notify('reports.bulkRemind.done', { type: 'success', messageArgs: { count: done.length } });
            unselectAll();
          } else {
            const reasons = [...new Set(refused.map((r) => r.message))].join(' ');
            notify(translate('reports.bulkRemind.partly', { done: done.length, refused: refused.length, reasons }), {
              type: 'warning',
              autoHideDuration: 10000,
            });
          }
          refresh();
        },
        onError,
      },
    );
  return (
    <Button label="reports.bulkRemind.button" onClick={send} disabled={isPending || selectedIds.length === 0}>
      <EmailOutlinedIcon />
    </Button>
  );
};
