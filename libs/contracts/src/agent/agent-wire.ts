import type { CertificateUsage } from '../enums';
import type { ErrorCode } from '../error-codes';

/**
 * What the kiosk page and the kiosk agent say to each other over `http://127.0.0.1:<port>`: JSON
 * bodies, binary values as base64, certificates and CSRs as PEM. Every request but `GET /health`
 * carries the pairing token the API minted for the session, as `Authorization: Pairing <token>`
 * (or `?pairing=<token>` on the event stream, which EventSource cannot give headers).
 */

/** The header scheme of the pairing token. */
export const AGENT_PAIRING_SCHEME = 'Pairing';

/** Paths of the agent's operations. */
export const AGENT_PATHS = {
  health: '/health',
  environment: '/v1/environment',
  session: '/v1/session',
  sessionEnd: '/v1/session/end',
  events: '/v1/events',
  tokens: '/v1/tokens',
  tokenLogin: '/v1/tokens/login',
  tokenLogout: '/v1/tokens/logout',
  tokenPin: '/v1/tokens/pin',
  tokenKeys: '/v1/tokens/keys',
  tokenCertificates: '/v1/tokens/certificates',
  tokenObjects: '/v1/tokens/objects',
  tokenDelete: '/v1/tokens/certificates/delete',
  tokenSign: '/v1/tokens/sign-challenge',
  tokenCopyToStore: '/v1/tokens/copy-to-computer',
  storeOpen: '/v1/store/open',
  storeKeys: '/v1/store/keys',
  storeCertificates: '/v1/store/certificates',
  storeObjects: '/v1/store/objects',
  storeDelete: '/v1/store/certificates/delete',
  storeSign: '/v1/store/sign-challenge',
  storeExport: '/v1/store/export',
  storeImport: '/v1/store/import',
} as const;

export type AgentMode = 'kiosk' | 'personal';

/** An error answer: the page translates `code` with ERRORS and links the FAQ at `faq`. */
export interface AgentErrorBody {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, unknown>>;
  readonly manualCode?: string;
  readonly faq: string;
  /** The message in the locale of `Accept-Language` (zh-TW by default). */
  readonly message: string;
  readonly fields?: readonly { readonly field: string; readonly code: ErrorCode }[];
}

export interface AgentPinState {
  readonly countLow: boolean;
  readonly finalTry: boolean;
  readonly locked: boolean;
  readonly toBeChanged: boolean;
}

export interface AgentToken {
  readonly serial: string;
  readonly label: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly type: 'IKEY' | 'EZSIGN' | 'SOFT';
  readonly pin: AgentPinState;
  readonly loggedIn: boolean;
  /** Customer certificates the model holds (iKey 6, ezSign 4); absent when unknown. */
  readonly certificateCapacity?: number;
  readonly freePublicMemory?: number;
}

/** One finding of the environment report; `code` says what is wrong when `ok` is false. */
export interface AgentCheck {
  readonly name: 'module' | 'tokens' | 'clock' | 'config' | 'store';
  readonly ok: boolean;
  readonly code?: ErrorCode;
  readonly detail?: string;
}

export interface AgentEnvironment {
  readonly agentVersion: string;
  readonly mode: AgentMode;
  readonly kioskCode: string;
  readonly module?: {
    readonly path: string;
    readonly manufacturer: string;
    readonly description: string;
    readonly libraryVersion: string;
    readonly cryptokiVersion: string;
  };
  readonly tokens: readonly AgentToken[];
  /** The agent's clock (ISO 8601): the page compares it with the API's. */
  readonly clock: string;
  readonly node: string;
  readonly platform: string;
  readonly checks: readonly AgentCheck[];
  readonly ok: boolean;
}

export interface AgentSession {
  readonly sessionId: string;
  readonly mode: AgentMode;
  /** ISO 8601: when the pairing (and with it the session) expires. */
  readonly expiresAt: string;
  /**
   * Personal mode only: the computer's store already has its password, so the page asks for it
   * once; otherwise the first opening sets it and the page asks for it twice.
   */
  readonly storeCreated?: boolean;
}

/** Operations on one token name it by the serial C_GetTokenInfo reports. */
export interface TokenRef {
  readonly serial: string;
}

export interface TokenLoginRequest extends TokenRef {
  readonly pin: string;
  /** The customer saw "this is the last try before the token locks" and went on. */
  readonly customerWarned?: boolean;
}

export interface ChangePinRequest extends TokenRef {
  readonly oldPin: string;
  readonly newPin: string;
  readonly customerWarned?: boolean;
}

export interface SubjectAttribute {
  readonly type: 'C' | 'O' | 'OU' | 'CN' | 'L' | 'ST' | 'E';
  readonly value: string;
}

export interface GenerateKeysRequest {
  /** The subject the CSRs claim (the RA sets the certificate's subject anyway). */
  readonly subject: readonly SubjectAttribute[];
  /** CKA_LABEL prefix of the keys; `-sign` / `-enc` is added. */
  readonly label?: string;
  /** Which pairs to make; both by default. */
  readonly usages?: readonly CertificateUsage[];
}

export interface GenerateTokenKeysRequest extends TokenRef, GenerateKeysRequest {}

export interface GeneratedKey {
  readonly usage: CertificateUsage;
  /** CKA_ID (token) or entry id (computer store), hex. */
  readonly id: string;
  readonly label: string;
  readonly csrPem: string;
}

export interface GenerateKeysResponse {
  readonly keys: readonly GeneratedKey[];
}

export interface InstallCertificatesRequest {
  /** The issued end-entity certificates, PEM; each goes next to its key. */
  readonly certificates: readonly string[];
  /** CA certificates, PEM, nearest first. */
  readonly chain?: readonly string[];
}

export interface InstallTokenCertificatesRequest extends TokenRef, InstallCertificatesRequest {}

export interface InstalledCertificate {
  readonly id: string;
  readonly serialNumber: string;
}

export interface InstallCertificatesResponse {
  readonly installed: readonly InstalledCertificate[];
}

export interface CertificateDetails {
  /** CKA_ID or entry id, hex; empty for a CA certificate on a token. */
  readonly id: string;
  readonly label: string;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly expired: boolean;
  readonly authority: boolean;
  /** False is manual code 80092004; absent when the token is not logged in. */
  readonly hasPrivateKey?: boolean;
  readonly pem: string;
}

/** A key pair waiting for its certificate: enough to prove the customer before the certificate is there. */
export interface PendingKey {
  /** CKA_ID or entry id, hex. */
  readonly id: string;
  readonly label: string;
  /** From the key's attributes (a decrypting key is the encryption pair); absent when unknown. */
  readonly usage?: CertificateUsage;
  /** SubjectPublicKeyInfo DER, base64: what startCertificateChallenge takes with the ID number. */
  readonly publicKey: string;
}

export interface ListObjectsResponse {
  readonly certificates: readonly CertificateDetails[];
  /** Key pairs without a certificate yet (waiting for issuance), by id. */
  readonly pendingKeys: readonly string[];
  /** The same key pairs with label, usage and public key; absent where the agent does not give them. */
  readonly pendingKeyDetails?: readonly PendingKey[];
  /** Certificate places on a token (CA certificates take none); absent for the computer's store. */
  readonly room?: { readonly capacity?: number; readonly used: number; readonly free?: number };
}

export interface DeleteCertificateRequest {
  readonly id: string;
}

export interface DeleteTokenCertificateRequest extends TokenRef, DeleteCertificateRequest {}

export interface DeleteCertificateResponse {
  readonly certificates: number;
  readonly privateKeys: number;
  readonly publicKeys: number;
}

export interface SignChallengeRequest {
  /** Key id, hex. */
  readonly id: string;
  /** The challenge's toBeSigned bytes from the API, base64; its origin field must be the page's. */
  readonly challenge: string;
}

export interface SignTokenChallengeRequest extends TokenRef, SignChallengeRequest {}

export interface SignChallengeResponse {
  /** RSASSA-PKCS1-v1_5 / SHA-256, base64. */
  readonly signature: string;
  readonly certificatePem?: string;
}

export interface CopyToComputerResponse {
  /** Certificates written to the computer's certificate folder, by file name. */
  readonly copied: readonly string[];
}

export interface OpenStoreRequest {
  /** The store password (personal mode); kiosk mode uses a key that lives for the session only. */
  readonly password?: string;
}

export interface ExportStoreRequest {
  readonly id: string;
  /** Protects the PKCS#12 file; never kept. */
  readonly password: string;
}

export interface ExportStoreResponse {
  /** The PKCS#12 file, base64. */
  readonly pkcs12: string;
  readonly fileName: string;
}

export interface ImportStoreRequest {
  readonly pkcs12: string;
  readonly password: string;
}
