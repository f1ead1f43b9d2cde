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

/**
 * The application password as the sealed part prints it (`K7QM 3XTP 9HCA`), without the spaces. The
 * line is matched as a whole: pdftotext may split a wide letter pair (`V V`) inside a group.
 */
export function passwordOnNotice(pdf: Buffer): string {
  for (const line of pdfText(pdf).split('\n')) {
    const symbols = line.replace(/\s+/g, '');
    if (/^[2-9A-HJKMNP-Z]{12}$/.test(symbols) && /\S{2,4} \S/.test(line.trim())) return symbols;
  }
  throw new Error('no application password on the notice');
}
