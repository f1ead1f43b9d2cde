import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useListContext, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { readSession } from '../auth/session';
import { ApiErrorNotice } from '../errors/ApiErrorNotice';

export interface CsvExportButtonProps {
  /** Same-origin download path, e.g. `/exports/audit.csv`. */
  path: string;
  /** The list's filter values → the export's filter (only names the endpoint knows), as the list's provider sends it. */
  toQuery: (filter: Record<string, unknown>) => object;
}

/** Query parameters of a filter: dates as ISO instants, empty values left out. */
function queryOf(filter: object): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(name, value instanceof Date ? value.toISOString() : String(value));
  }
  return query;
}

function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

/**
 * Downloads the CSV of the list as it is filtered now. The session token goes in the Authorization
 * header (never in the URL, where proxies would log it), so the file is fetched and then saved.
 */
export const CsvExportButton = ({ path, toQuery }: CsvExportButtonProps) => {
  const { filterValues } = useListContext();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const query = queryOf(toQuery(filterValues as Record<string, unknown>));
      const response = await fetch(`${path}?${query}`, {
        headers: { authorization: `Bearer ${readSession()?.accessToken ?? ''}`, 'accept-language': locale },
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        notify(
          <ApiErrorNotice code={body.code ?? null} message={body.message ?? translate('ra.notification.http_error')} />,
          { type: 'error', autoHideDuration: 10000 },
        );
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(response, path.split('/').pop() ?? 'export.csv');
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      notify('ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="export.csv" onClick={() => void download()} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
};
