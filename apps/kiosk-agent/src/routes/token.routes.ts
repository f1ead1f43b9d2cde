import {
  AGENT_PATHS,
  CertificateUsage,
  type CopyToComputerResponse,
  type DeleteCertificateResponse,
  type GenerateKeysResponse,
  type InstallCertificatesResponse,
  type SignChallengeResponse,
} from '@app/contracts';
import { type RouteContext, type Route } from '../http/router';
import {
  base64Bytes,
  fieldError,
  hexId,
  optionalBoolean,
  optionalString,
  requiredString,
  stringList,
} from '../http/request-fields';
import { checkChallenge } from '../pki/challenge-check';
import { certificatePem, subjectOf } from '../pki/subject';
import { type ProgressReporter } from '../token/token-service';
import { type AgentServices } from './agent-services';

const MAX_CERTIFICATES = 10;
const MAX_CHALLENGE_BYTES = 2048;

/** Token operations: login, PIN, keys and CSRs, certificates, challenge signatures. */
export function tokenRoutes(s: AgentServices): Route[] {
  const progress =
    (ctx: RouteContext, operation: string): ProgressReporter =>
    (step, serial) =>
      s.events.emit(ctx.claims.sessionId, {
        type: 'progress',
        operation,
        step,
        serial,
        ...(step === 'PRESS_BUTTON' ? { timeoutSeconds: s.config.buttonTimeoutSeconds } : {}),
      });
  const serialOf = (body: Record<string, unknown>) => requiredString(body, 'serial', 64);

  return [
    { method: 'GET', path: AGENT_PATHS.tokens, handler: async () => ({ tokens: await s.tokens.tokens() }) },
    {
      method: 'POST',
      path: AGENT_PATHS.tokenLogin,
      handler: async ({ body }) => {
        const pin = requiredString(body, 'pin', 64);
        await s.tokens.login(serialOf(body), pin, optionalBoolean(body, 'customerWarned'));
        return { loggedIn: true };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.tokenLogout,
      handler: async ({ body }) => {
        await s.tokens.logout(serialOf(body));
        return { loggedIn: false };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.tokenPin,
      handler: async ({ body }) => {
        const oldPin = requiredString(body, 'oldPin', 64);
        const newPin = requiredString(body, 'newPin', 64);
        await s.tokens.changePin(serialOf(body), oldPin, newPin, optionalBoolean(body, 'customerWarned'));
        return { changed: true };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.tokenKeys,
      handler: async (ctx): Promise<GenerateKeysResponse> => {
        const { body } = ctx;
        const keys = await s.tokens.generateKeys(
          serialOf(body),
          subjectOf(body.subject),
          optionalString(body, 'label', 32) ?? 'branch-ra',
          usagesOf(body),
          progress(ctx, 'generate-keys'),
        );
        return { keys };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.tokenCertificates,
      handler: async ({ body }): Promise<InstallCertificatesResponse> => {
        const certificates = stringList(body, 'certificates', MAX_CERTIFICATES, true).map((pem) =>
          certificatePem(pem, 'certificates'),
        );
        const chain = stringList(body, 'chain', MAX_CERTIFICATES, false).map((pem) => certificatePem(pem, 'chain'));
        return { installed: await s.tokens.installCertificates(serialOf(body), certificates, chain) };
      },
    },
    {
      method: 'GET',
      path: AGENT_PATHS.tokenObjects,
      handler: ({ url }) => {
        const serial = url.searchParams.get('serial');
        if (!serial) throw fieldError('serial', 'FIELD_REQUIRED');
        return s.tokens.listObjects(serial);
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.tokenDelete,
      handler: async ({ body }): Promise<DeleteCertificateResponse> =>
        s.tokens.deleteCertificate(serialOf(body), hexId(body)),
    },
    {
      method: 'POST',
      path: AGENT_PATHS.tokenSign,
      handler: async (ctx): Promise<SignChallengeResponse> => {
        const { body, origin } = ctx;
        const challenge = base64Bytes(body, 'challenge', MAX_CHALLENGE_BYTES);
        checkChallenge(challenge, origin);
        const signature = await s.tokens.sign(serialOf(body), hexId(body), challenge, progress(ctx, 'sign-challenge'));
        return { signature: Buffer.from(signature).toString('base64') };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.tokenCopyToStore,
      handler: async ({ body }): Promise<CopyToComputerResponse> => {
        const serial = serialOf(body);
        return { copied: await s.copies.copy(serial, await s.tokens.userCertificates(serial)) };
      },
    },
  ];
}

/** The `usages` field: both by default, each at most once. */
export function usagesOf(body: Record<string, unknown>): CertificateUsage[] {
  const list = stringList(body, 'usages', 2, false);
  if (list.length === 0) return [CertificateUsage.SIGNING, CertificateUsage.ENCRYPTION];
  const known = Object.values(CertificateUsage) as string[];
  if (list.some((u) => !known.includes(u)) || new Set(list).size !== list.length)
    throw fieldError('usages', 'FIELD_INVALID');
  return list as CertificateUsage[];
}
