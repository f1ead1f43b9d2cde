import { ApplicationStatus, CertificateStatus, DomainError, TokenStatus } from '@app/contracts';

/**
 * The lifecycles of SPEC.md in one place: services assert a change before they make it, the
 * console offers only the changes `nextXStatuses` lists. A status missing from a table is final.
 */

/** Where a change is made: a teller at the counter, the customer at a kiosk, or the system itself. */
export const ActorChannel = { COUNTER: 'COUNTER', KIOSK: 'KIOSK', SYSTEM: 'SYSTEM' } as const;
export type ActorChannel = (typeof ActorChannel)[keyof typeof ActorChannel];

export interface TransitionContext {
  readonly channel: ActorChannel;
}

const A = ApplicationStatus;
const C = CertificateStatus;
const T = TokenStatus;

/** A target reachable only from some channels. */
interface Edge<S extends string> {
  readonly to: S;
  readonly channels?: readonly ActorChannel[];
}

type Table<S extends string> = Readonly<Partial<Record<S, readonly Edge<S>[]>>>;

const edges = <S extends string>(...targets: S[]): Edge<S>[] => targets.map((t) => ({ to: t }));

const APPLICATION: Table<ApplicationStatus> = {
  [A.REGISTERED]: edges(A.NOTICE_PRINTED, A.CANCELLED),
  // A reprint issues a new password and kills the old one, so it is a transition of its own.
  [A.NOTICE_PRINTED]: edges(A.NOTICE_PRINTED, A.APPLIED, A.EXPIRED, A.LOCKED, A.CANCELLED),
  [A.APPLIED]: edges(A.ISSUED),
  [A.ISSUED]: edges(A.COMPLETED),
  [A.EXPIRED]: edges(A.NOTICE_PRINTED, A.CANCELLED),
  [A.LOCKED]: edges(A.NOTICE_PRINTED, A.CANCELLED),
};

const CERTIFICATE: Table<CertificateStatus> = {
  [C.PENDING]: edges(C.ISSUED, C.REVOKED),
  // A lost token's certificates awaiting download are held too: whoever finds it must not install them.
  [C.ISSUED]: edges(C.ACTIVE, C.SUSPENDED, C.REVOKED, C.EXPIRED),
  [C.ACTIVE]: edges(C.SUSPENDED, C.REVOKED, C.EXPIRED),
  // Anyone may hold a certificate; only a teller, with the customer in front of them, releases it.
  [C.SUSPENDED]: [{ to: C.ACTIVE, channels: [ActorChannel.COUNTER] }, ...edges(C.REVOKED, C.EXPIRED)],
};

const TOKEN: Table<TokenStatus> = {
  [T.ACTIVE]: edges(T.LOCKED, T.LOST, T.RETIRED),
  // A locked token comes back only through a PIN reset by a teller.
  [T.LOCKED]: [{ to: T.ACTIVE, channels: [ActorChannel.COUNTER] }, ...edges(T.LOST, T.RETIRED)],
  [T.LOST]: edges(T.RETIRED),
};

function allowed<S extends string>(table: Table<S>, from: S, ctx?: TransitionContext): S[] {
  return (table[from] ?? [])
    .filter((edge) => !edge.channels || (ctx !== undefined && edge.channels.includes(ctx.channel)))
    .map((edge) => edge.to);
}

function assertAllowed<S extends string>(table: Table<S>, from: S, to: S, ctx?: TransitionContext): void {
  if (!allowed(table, from, ctx).includes(to)) throw new DomainError('INVALID_STATE_TRANSITION', { from, to });
}

/**
 * Counter application (臨櫃申請): REGISTERED → NOTICE_PRINTED → APPLIED → ISSUED → COMPLETED; a
 * printed notice may be reprinted, expire or lock; an expired or locked one gets a new notice; any
 * not yet applied may be cancelled. No change depends on the channel; `ctx` keeps the call shape
 * of the other machines.
 */
export function canApplicationTransition(
  from: ApplicationStatus,
  to: ApplicationStatus,
  ctx?: TransitionContext,
): boolean {
  return allowed(APPLICATION, from, ctx).includes(to);
}

/** `canApplicationTransition` or throw DomainError INVALID_STATE_TRANSITION `{ from, to }`. */
export function assertApplicationTransition(
  from: ApplicationStatus,
  to: ApplicationStatus,
  ctx?: TransitionContext,
): void {
  assertAllowed(APPLICATION, from, to, ctx);
}

/** The statuses an application in `from` may move to; empty for COMPLETED and CANCELLED. */
export function nextApplicationStatuses(from: ApplicationStatus, ctx?: TransitionContext): ApplicationStatus[] {
  return allowed(APPLICATION, from, ctx);
}

/**
 * Certificate: PENDING (CA issuing, 6025) → ISSUED (awaiting download) → ACTIVE; ACTIVE ⇄ SUSPENDED,
 * where SUSPENDED → ACTIVE (憑證解禁) is allowed only with `ctx.channel === 'COUNTER'`; REVOKED from
 * any live status and EXPIRED from any issued one are final.
 */
export function canCertificateTransition(
  from: CertificateStatus,
  to: CertificateStatus,
  ctx?: TransitionContext,
): boolean {
  return allowed(CERTIFICATE, from, ctx).includes(to);
}

/** `canCertificateTransition` or throw DomainError INVALID_STATE_TRANSITION `{ from, to }`. */
export function assertCertificateTransition(
  from: CertificateStatus,
  to: CertificateStatus,
  ctx?: TransitionContext,
): void {
  assertAllowed(CERTIFICATE, from, to, ctx);
}

/** The statuses a certificate in `from` may move to through `ctx`'s channel; empty when final. */
export function nextCertificateStatuses(from: CertificateStatus, ctx?: TransitionContext): CertificateStatus[] {
  return allowed(CERTIFICATE, from, ctx);
}

/**
 * Token (載具): ACTIVE → LOCKED (10 wrong PINs) / LOST / RETIRED; LOCKED → ACTIVE only with
 * `ctx.channel === 'COUNTER'` (PIN reset by a teller), or LOST / RETIRED; LOST → RETIRED; RETIRED
 * is final.
 */
export function canTokenTransition(from: TokenStatus, to: TokenStatus, ctx?: TransitionContext): boolean {
  return allowed(TOKEN, from, ctx).includes(to);
}

/** `canTokenTransition` or throw DomainError INVALID_STATE_TRANSITION `{ from, to }`. */
export function assertTokenTransition(from: TokenStatus, to: TokenStatus, ctx?: TransitionContext): void {
  assertAllowed(TOKEN, from, to, ctx);
}

/** The statuses a token in `from` may move to through `ctx`'s channel; empty for RETIRED. */
export function nextTokenStatuses(from: TokenStatus, ctx?: TransitionContext): TokenStatus[] {
  return allowed(TOKEN, from, ctx);
}
