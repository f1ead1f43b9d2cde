import { DomainError } from '@app/contracts';
import { CHALLENGE_LABEL } from '@app/pki';

/**
 * Refuses to sign anything but a branch-ra challenge issued to the page asking (the Web eID idea: the
 * origin is inside what is signed, so a challenge fetched by another site cannot be relayed through
 * this page). A challenge is four fields, each a 4-byte big-endian length then the bytes: the label,
 * the purpose, the origin, a nonce of at least 16 bytes (see libs/pki `createChallenge`).
 * Throws DomainError AGENT_CHALLENGE_REFUSED.
 */
export function checkChallenge(toBeSigned: Uint8Array, origin: string): void {
  const fields = splitFields(toBeSigned);
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
  const ok =
    fields !== undefined &&
    fields.length === 4 &&
    text(fields[0]) === CHALLENGE_LABEL &&
    fields[1].byteLength > 0 &&
    text(fields[2]) === origin &&
    fields[3].byteLength >= 16;
  if (!ok) throw new DomainError('AGENT_CHALLENGE_REFUSED');
}

function splitFields(bytes: Uint8Array): Uint8Array[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.byteLength) {
    if (at + 4 > bytes.byteLength || fields.length === 4) return undefined;
    const length = view.getUint32(at);
    if (at + 4 + length > bytes.byteLength) return undefined;
    fields.push(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}
