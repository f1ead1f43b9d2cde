/**
 * A serial as people copy it — `0A:3F 01` from OpenSSL, `a3f01` from a viewer that prints the
 * integer — in the form the certificates table stores it: lower-case hex of the serial's bytes
 * without a leading zero byte (so a leading zero nibble stays: `0a3f01`).
 */
export function normalizeSerialHex(text: string): string {
  const digits = text
    .replace(/[:\s]/g, '')
    .toLowerCase()
    .replace(/^0+(?=.)/, '');
  return digits.length % 2 === 1 ? `0${digits}` : digits;
}
