import { readSession } from '../auth/session';

/** A failed print, with the API's code and its message already in the console's language. */
export class PdfRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * POSTs to a PDF endpoint of the API with the session's token and returns the PDF. Errors come back
 * as JSON in the GraphQL error's shape (code, translated message).
 */
export async function fetchPdf(path: string, body: Record<string, unknown>, locale: string): Promise<Blob> {
  const token = readSession()?.accessToken;
  const res = await fetch(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Accept-Language': locale === 'en' ? 'en' : 'zh-TW',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
    cache: 'no-store',
  });
  if (res.ok && (res.headers.get('Content-Type') ?? '').startsWith('application/pdf')) return res.blob();
  const error = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  throw new PdfRequestError(error?.message ?? res.statusText, error?.code ?? null, res.status);
}

/**
 * Shows a PDF in a tab of its own, where the browser's viewer prints it. The tab is opened before
 * the request (a pop-up opened after an await counts as unrequested); if the browser refused it the
 * PDF is offered as a download instead. The object URL is dropped after a minute: a password notice
 * should not stay reachable in this tab.
 */
export function openPdfTab(): { show: (pdf: Blob, filename: string) => void; abandon: () => void } {
  const tab = window.open('', '_blank');
  return {
    show(pdf, filename) {
      const url = URL.createObjectURL(pdf);
      if (tab && !tab.closed) {
        tab.location.href = url;
      } else {
        const link = document.createElement('a');
        link.href = url;
        link.download = filename;
        link.click();
      }
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    abandon() {
      tab?.close();
    },
  };
}

/** Fetches and shows a PDF in one go; returns once it is on its way to the viewer. */
export async function printPdf(
  path: string,
  body: Record<string, unknown>,
  locale: string,
  filename: string,
): Promise<void> {
  const tab = openPdfTab();
  try {
    tab.show(await fetchPdf(path, body, locale), filename);
  } catch (error) {
    tab.abandon();
    throw error;
  }
}
