/**
 * A serial as people copy it — `01:A2 3f` from OpenSSL or a browser's certificate viewer — in the
 * form the certificates table stores it: lower-case hex, no separators, no leading zero bytes.
 */
export function normalizeSerialHex(text: string): string {
  return text
    .replace(/[:\s]/g, '')
    .toLowerCase()
    .replace(/^0+(?=.)/, '');
}
