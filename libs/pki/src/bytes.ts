/** Bytes as this library passes them around: DER in, DER out, as `Uint8Array` (a Node Buffer is one). */
export type Bytes = Uint8Array;

/** A fresh ArrayBuffer holding exactly `bytes` (pkijs and WebCrypto want ArrayBuffer, not a view into a pool). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** PEM armour (RFC 7468) around DER, 64 characters per line. */
export function toPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * The DER inside the first PEM block whose label is one of `labels` (RFC 7468 §2), or `undefined`
 * when the text holds no such block. Base64 with stray characters gives `undefined` too.
 */
export function fromPem(text: string, labels: readonly string[]): Uint8Array | undefined {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!match || !labels.includes(match[1])) return undefined;
  const body = match[2].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(body, 'base64'));
}
