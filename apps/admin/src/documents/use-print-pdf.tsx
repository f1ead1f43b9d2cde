import { useCallback, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { ApiErrorNotice } from '../errors/ApiErrorNotice';
import { translateCode } from '../data/api-error';
import { PdfRequestError, printPdf } from './fetch-pdf';

/**
 * Printing from a button: progress while the PDF is made, the API's error (with its FAQ link) when
 * it is refused. Resolves true once the PDF is shown.
 */
export function usePrintPdf(): {
  print: (path: string, body: object, filename: string) => Promise<boolean>;
  busy: boolean;
} {
  const [busy, setBusy] = useState(false);
  const [locale] = useLocaleState();
  const notify = useNotify();
  const translate = useTranslate();
  const print = useCallback(
    async (path: string, body: object, filename: string) => {
      setBusy(true);
      try {
        await printPdf(path, { ...body }, locale, filename);
        return true;
      } catch (error) {
        const code = error instanceof PdfRequestError ? error.code : null;
        const fallback = error instanceof Error ? error.message : undefined;
        const message = code ? translateCode(translate, code, {}, fallback) : translate('ra.notification.http_error');
        notify(<ApiErrorNotice code={code} message={message} />, { type: 'error', autoHideDuration: 10000 });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [locale, notify, translate],
  );
  return { print, busy };
}
