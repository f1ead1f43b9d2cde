import {
  AGENT_PAIRING_SCHEME,
  AGENT_PATHS,
  type AgentEnvironment,
  type AgentErrorBody,
  type AgentEvent,
  type AgentSession,
  type AgentToken,
  type CertificateDetails,
  type ChangePinRequest,
  type CopyToComputerResponse,
  type DeleteCertificateRequest,
  type DeleteCertificateResponse,
  type DeleteTokenCertificateRequest,
  type ExportStoreRequest,
  type ExportStoreResponse,
  type GenerateKeysRequest,
  type GenerateKeysResponse,
  type GenerateTokenKeysRequest,
  type ImportStoreRequest,
  type InstallCertificatesRequest,
  type InstallCertificatesResponse,
  type InstallTokenCertificatesRequest,
  type ListObjectsResponse,
  type OpenStoreRequest,
  type SignChallengeRequest,
  type SignChallengeResponse,
  type SignTokenChallengeRequest,
  type TokenLoginRequest,
  type TokenRef,
} from '@app/contracts';
import { KioskError } from './kiosk-error';

/** The agent's origin: `?agent=` on the kiosk URL (the CSP still fences it to KIOSK_AGENT_URL). */
export function agentUrlFromLocation(search: string): string {
  const given = new URLSearchParams(search).get('agent');
  return given && /^https?:\/\/[^/\s]+$/.test(given) ? given : 'http://127.0.0.1:3100';
}

/**
 * The kiosk page's side of the local agent: JSON operations with the pairing token, and the event
 * stream for progress, token insert/remove and session end. Holds nothing but the token.
 */
export class AgentClient {
  constructor(
    readonly url: string,
    private readonly pairingToken: string,
    private readonly locale: () => string,
  ) {}

  startSession = () => this.post<AgentSession>(AGENT_PATHS.session, {});
  endSession = () => this.post<Record<string, never>>(AGENT_PATHS.sessionEnd, {});
  environment = () => this.get<AgentEnvironment>(AGENT_PATHS.environment);
  tokens = () => this.get<{ tokens: readonly AgentToken[] }>(AGENT_PATHS.tokens);
  login = (body: TokenLoginRequest) => this.post<{ loggedIn: boolean }>(AGENT_PATHS.tokenLogin, body);
  changePin = (body: ChangePinRequest) => this.post<Record<string, unknown>>(AGENT_PATHS.tokenPin, body);
  generateKeys = (body: GenerateTokenKeysRequest) => this.post<GenerateKeysResponse>(AGENT_PATHS.tokenKeys, body);
  install = (body: InstallTokenCertificatesRequest) =>
    this.post<InstallCertificatesResponse>(AGENT_PATHS.tokenCertificates, body);
  objects = (ref: TokenRef) =>
    this.get<ListObjectsResponse>(`${AGENT_PATHS.tokenObjects}?serial=${encodeURIComponent(ref.serial)}`);
  deleteCertificate = (body: DeleteTokenCertificateRequest) =>
    this.post<DeleteCertificateResponse>(AGENT_PATHS.tokenDelete, body);
  signChallenge = (body: SignTokenChallengeRequest) => this.post<SignChallengeResponse>(AGENT_PATHS.tokenSign, body);
  copyToComputer = (ref: TokenRef) => this.post<CopyToComputerResponse>(AGENT_PATHS.tokenCopyToStore, ref);

  // The computer's certificate store: the "PC" medium.
  storeOpen = (body: OpenStoreRequest) => this.post<{ open: boolean }>(AGENT_PATHS.storeOpen, body);
  storeKeys = (body: GenerateKeysRequest) => this.post<GenerateKeysResponse>(AGENT_PATHS.storeKeys, body);
  storeInstall = (body: InstallCertificatesRequest) =>
    this.post<InstallCertificatesResponse>(AGENT_PATHS.storeCertificates, body);
  storeObjects = () => this.get<ListObjectsResponse>(AGENT_PATHS.storeObjects);
  storeDelete = (body: DeleteCertificateRequest) => this.post<DeleteCertificateResponse>(AGENT_PATHS.storeDelete, body);
  storeSign = (body: SignChallengeRequest) => this.post<SignChallengeResponse>(AGENT_PATHS.storeSign, body);
  storeExport = (body: ExportStoreRequest) => this.post<ExportStoreResponse>(AGENT_PATHS.storeExport, body);
  storeImport = (body: ImportStoreRequest) =>
    this.post<{ id: string; certificate: CertificateDetails }>(AGENT_PATHS.storeImport, body);

  /** Opens the event stream; the returned function closes it. */
  listen(onEvent: (event: AgentEvent) => void, onBroken: () => void): () => void {
    const source = new EventSource(`${this.url}${AGENT_PATHS.events}?pairing=${encodeURIComponent(this.pairingToken)}`);
    const relay = (message: MessageEvent<string>) => onEvent(JSON.parse(message.data) as AgentEvent);
    for (const type of ['progress', 'token-inserted', 'token-removed', 'session-ended'])
      source.addEventListener(type, relay);
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) onBroken();
    };
    return () => source.close();
  }

  private get<T>(path: string): Promise<T> {
    return this.send<T>(path, { method: 'GET' });
  }

  private post<T>(path: string, body: object): Promise<T> {
    return this.send<T>(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  }

  private async send<T>(path: string, init: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, {
        ...init,
        cache: 'no-store',
        headers: {
          ...init.headers,
          authorization: `${AGENT_PAIRING_SCHEME} ${this.pairingToken}`,
          'accept-language': this.locale() === 'en' ? 'en' : 'zh-TW',
        },
      });
    } catch {
      throw new KioskError('AGENT_UNREACHABLE', 'agent unreachable');
    }
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : {};
    if (!res.ok) {
      const error = body as Partial<AgentErrorBody>;
      throw new KioskError(error.code ?? null, error.message ?? `HTTP ${res.status}`, error.params ?? {});
    }
    return body as T;
  }
}

/** base64 DER → PEM, as the agent takes certificates. */
export function derToPem(base64: string, label = 'CERTIFICATE'): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
