import type {
  GenerateKeysRequest,
  GenerateKeysResponse,
  InstallCertificatesResponse,
  ListObjectsResponse,
  SignChallengeResponse,
} from '@app/contracts';

/**
 * Where the customer's keys live: a token in the reader (iKey, ezSign) or this computer's
 * certificate store (PC). Apply, download, proof and renewal run the same steps on either; only
 * the agent operations behind them differ.
 */
export interface Medium {
  readonly kind: 'token' | 'store';
  /** The serial the API binds the keys to; null for the computer's store (PC keys have no token). */
  readonly tokenSerial: string | null;
  /** Certificates with their details, and key pairs still waiting for a certificate. */
  objects(): Promise<ListObjectsResponse>;
  /** Signs an API challenge (base64) with the key `id`. */
  sign(id: string, challenge: string): Promise<SignChallengeResponse>;
  /** Issued certificates (PEM) next to their keys, with the CA chain. */
  install(certificates: readonly string[], chain: readonly string[]): Promise<InstallCertificatesResponse>;
  /** A signing and an encryption key pair with their CSRs. */
  generate(request: GenerateKeysRequest): Promise<GenerateKeysResponse>;
}
