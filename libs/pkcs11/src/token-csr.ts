import { type DnAttribute } from '@app/domain';
import { derOid, derSmallInteger, derTlv, encodeName, OID } from '@app/pki';
import { exportPublicKey, signWithKey } from './key-pairs';
import { type TokenSession } from './token-session';

export interface TokenCsrInput {
  /** CKA_ID of the key pair the request certifies. */
  readonly keyId: Uint8Array;
  /** The subject the request claims (the RA sets the certificate's subject anyway). */
  readonly subject: readonly DnAttribute[];
}

/** AlgorithmIdentifier sha256WithRSAEncryption with NULL parameters (RFC 4055 §5). */
const SHA256_WITH_RSA = derTlv(0x30, derOid(OID.sha256WithRSAEncryption), Uint8Array.of(0x05, 0x00));

/**
 * Builds a PKCS#10 request (RFC 2986 §4) for the token key pair `keyId`:
 * `CertificationRequestInfo ::= SEQUENCE { version 0, subject, subjectPKInfo, attributes [0] {} }`
 * with the public key read from the token, signed on the token (CKM_SHA256_RSA_PKCS) as
 * `CertificationRequest ::= SEQUENCE { info, sha256WithRSAEncryption, BIT STRING signature }`.
 * Returns the DER. The user must be logged in. Throws DomainError PRIVATE_KEY_NOT_FOUND and the
 * token errors of `signWithKey`.
 */
export async function createTokenCsr(session: TokenSession, input: TokenCsrInput): Promise<Uint8Array> {
  const spki = await exportPublicKey(session, input.keyId);
  const info = derTlv(0x30, derSmallInteger(0), encodeName(input.subject), spki, derTlv(0xa0));
  const signature = await signWithKey(session, input.keyId, info);
  return derTlv(0x30, info, SHA256_WITH_RSA, derTlv(0x03, Uint8Array.of(0), signature));
}
