import { pdfText } from '@app/pdf/pdf-text';

/** What a teller's printer would get: the PDF of `POST /documents/applications/:id/notice`. */
export async function printNotice(
  baseUrl: string,
  token: string,
  applicationId: string,
  body: Record<string, unknown> = {},
): Promise<{ status: number; headers: Headers; pdf: Buffer; json: Record<string, any> | null }> {
  const res = await fetch(`${baseUrl}/documents/applications/${applicationId}/notice`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'zh-TW' },
    body: JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const isPdf = (res.headers.get('content-type') ?? '').startsWith('application/pdf');
  return { status: res.status, headers: res.headers, pdf: bytes, json: isPdf ? null : JSON.parse(bytes.toString()) };
}

/** The application password as the sealed part prints it (`K7QM 3XTP 9HCA`), without the spaces. */
export function passwordOnNotice(pdf: Buffer): string {
  const match = /\b([2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4})\b/.exec(pdfText(pdf));
  if (!match) throw new Error('no application password on the notice');
  return match[1].replace(/ /g, '');
}
