import { expect } from '@jest/globals';
import type { GeneratedKey, ListObjectsResponse } from '@app/contracts';
import type { OpenSsl } from '../../support/openssl';

/**
 * What a listing must say of keys just made and not yet certified, on a token and in the computer
 * store alike: each one waiting, by id, with its label, usage and the public key of its CSR as
 * OpenSSL reads it (what the API checks a proof of possession against).
 */
export function expectListedAsWaiting(
  listed: ListObjectsResponse,
  keys: readonly GeneratedKey[],
  openssl: OpenSsl,
): void {
  expect([...listed.pendingKeys].sort()).toEqual(keys.map((k) => k.id).sort());
  const details = listed.pendingKeyDetails ?? [];
  expect(details).toHaveLength(keys.length);
  for (const key of keys)
    expect(details.find((d) => d.id === key.id)).toMatchObject({
      label: key.label,
      usage: key.usage,
      publicKey: openssl.csrPublicKey(`${key.id}-pending`, key.csrPem),
    });
}
