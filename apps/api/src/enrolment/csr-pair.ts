import { DomainError } from '@app/contracts';
import { checkCsrSubject, parseCsr, type ParsedCsr } from '@app/pki';

export interface CsrPair {
  readonly signing: ParsedCsr;
  readonly encryption: ParsedCsr;
}

/**
 * Parses and checks the two requests of an enrolment or renewal: each a sound PKCS#10 with an RSA
 * key of at least 2048 bits (libs/pki's policy), naming `commonName`, and the two keys different
 * (one key for both usages would defeat key escrow rules and the separate encryption certificate).
 * Throws CSR_TOO_LARGE, CSR_MALFORMED, CSR_SIGNATURE_INVALID, CSR_KEY_TOO_WEAK, PKI_KEY_UNSUPPORTED,
 * CSR_SUBJECT_MISMATCH or CSR_KEYS_IDENTICAL, each with `{ field }` naming the request at fault.
 */
export async function checkCsrPair(signingCsr: string, encryptionCsr: string, commonName: string): Promise<CsrPair> {
  const signing = await checkOne('signingCsr', signingCsr, commonName);
  const encryption = await checkOne('encryptionCsr', encryptionCsr, commonName);
  if (Buffer.from(signing.publicKey).equals(Buffer.from(encryption.publicKey))) {
    throw new DomainError('CSR_KEYS_IDENTICAL', { field: 'encryptionCsr' });
  }
  return { signing, encryption };
}

async function checkOne(field: string, pem: string, commonName: string): Promise<ParsedCsr> {
  try {
    const csr = await parseCsr(pem);
    checkCsrSubject(csr, commonName);
    return csr;
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, { ...error.details, field }, error.fields);
    throw error;
  }
}
