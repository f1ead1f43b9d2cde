import { useNotify, useRecordContext, useRefresh, useUpdate } from 'react-admin';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import type { CertificateAction } from './certificate.provider';
import type { CertificateDetail } from './certificate.types';

/** Runs one counter action on the shown certificate, waits for the API, then reloads the page. */
export function useCertificateAction(): {
  run: (action: CertificateAction, done: string, after?: () => void) => void;
  isPending: boolean;
} {
  const record = useRecordContext<CertificateDetail>();
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useNotifyApiError();
  const run = (action: CertificateAction, done: string, after?: () => void) => {
    if (!record) return;
    void update(
      'certificates',
      { id: record.id, data: {}, previousData: record, meta: action },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(done, { type: 'success' });
          after?.();
          refresh();
        },
        onError,
      },
    );
  };
  return { run, isPending };
}
