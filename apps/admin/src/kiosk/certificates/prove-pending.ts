import type { ListObjectsResponse, PendingKey, SignChallengeResponse } from '@app/contracts';
import { KioskError } from '../kiosk-error';
import { proveByChallenge } from './prove-certificate';

/** What the proof needs of a token or this computer's store: its objects, and a signature with one of its keys. */
export interface PendingKeyHolder {
  objects(): Promise<ListObjectsResponse>;
  sign(id: string, challenge: string): Promise<SignChallengeResponse>;
}

/** Keys waiting for their certificates that may prove the customer: the signing ones, and any of unknown usage. */
export function provingKeys(objects: ListObjectsResponse): PendingKey[] {
  const pending = objects.pendingKeyDetails ?? [];
  return pending.filter((key) => key.usage !== 'ENCRYPTION');
}

/**
 * Signs the customer in with a key whose certificate the CA signed while the customer was away (a
 * first apply whose CA was slow): the medium holds no certificate yet, so the API finds the
 * certificate by the ID number and the key's public key. CA_ISSUING when it is still not signed,
 * CERTIFICATE_PROOF_FAILED for an ID number that does not go with the key.
 */
export async function proveWithPendingKey(holder: PendingKeyHolder, idNumber: string, locale: string): Promise<string> {
  const keys = provingKeys(await holder.objects());
  if (keys.length === 0) throw new KioskError('PRIVATE_KEY_NOT_FOUND', 'no key waiting for a certificate');
  let last: unknown = null;
  let issuing: unknown = null;
  for (const key of keys) {
    try {
      return await proveByChallenge(
        { idNumber: idNumber.trim().toUpperCase(), publicKey: key.publicKey },
        (toBeSigned) => holder.sign(key.id, toBeSigned),
        locale,
      );
    } catch (e) {
      // An older key may belong to a request long gone; a newer one may still prove.
      last = e;
      if (e instanceof KioskError && e.code === 'CA_ISSUING') issuing = e;
    }
  }
  // "Still issuing" tells the customer more than a refusal for another, abandoned key.
  throw issuing ?? last;
}
