import { type Slot, type Token } from 'graphene-pk11';
import { DomainError, type TokenType } from '@app/contracts';
import { toTokenError } from './ckr-errors';
import { type Pkcs11Module } from './pkcs11-module';

/** The kind of device a token is: a bank token model, or SOFT for anything else (a software store). */
export type TokenDeviceType = TokenType | 'SOFT';

/**
 * One line of the token type mapping: a token whose manufacturer and model match (each pattern
 * that is given) has `type`. Rules are tried in order; the first match wins.
 */
export interface TokenTypeRule {
  readonly type: TokenType;
  readonly manufacturer?: RegExp;
  readonly model?: RegExp;
  /**
   * How many certificates of the customer the model holds (CA certificates of the chain aside);
   * the token itself refuses one more with CKR_DEVICE_MEMORY. Absent: no known limit.
   */
  readonly certificateCapacity?: number;
}

/**
 * The default mapping: model names as the vendors' middleware reports them. Deployments with other
 * strings configure their own rules; a token no rule matches is SOFT.
 */
export const DEFAULT_TOKEN_TYPE_RULES: readonly TokenTypeRule[] = [
  { type: 'IKEY', model: /\bikey\b/i, certificateCapacity: 6 },
  { type: 'EZSIGN', model: /\bez-?sign\b/i, certificateCapacity: 4 },
];

/** Token flags (PKCS#11 v2.40 §3.2 `CK_TOKEN_INFO.flags`) the RA looks at. */
export const TOKEN_FLAGS = {
  LOGIN_REQUIRED: 0x4,
  USER_PIN_INITIALIZED: 0x8,
  PROTECTED_AUTHENTICATION_PATH: 0x100,
  TOKEN_INITIALIZED: 0x400,
  USER_PIN_COUNT_LOW: 0x10000,
  USER_PIN_FINAL_TRY: 0x20000,
  USER_PIN_LOCKED: 0x40000,
  USER_PIN_TO_BE_CHANGED: 0x80000,
} as const;

/** C_GetTokenInfo, trimmed of its blank padding. */
export interface TokenInfo {
  readonly label: string;
  readonly manufacturer: string;
  readonly model: string;
  /** The serial as the token reports it: what the RA records as the token's identity. */
  readonly serial: string;
  readonly type: TokenDeviceType;
  /** Certificates the model holds, from the type rule; `undefined` when unknown (see `certificateRoom`). */
  readonly certificateCapacity?: number;
  /** Public memory in bytes, `undefined` when the token does not tell (CK_UNAVAILABLE_INFORMATION). */
  readonly freePublicMemory?: number;
  readonly totalPublicMemory?: number;
  /** Raw `CK_TOKEN_INFO.flags`; see {@link TOKEN_FLAGS} and `pinState`. */
  readonly flags: number;
  readonly minPinLength: number;
  readonly maxPinLength: number;
}

/** How to find a token: by the serial it reports or by its label, never by slot number (slots move). */
export type TokenSelector = { readonly serial: string } | { readonly label: string };

export interface TokenListOptions {
  /** The token type mapping; {@link DEFAULT_TOKEN_TYPE_RULES} when absent. */
  readonly typeRules?: readonly TokenTypeRule[];
}

/** The type of a token with this manufacturer and model under `rules`: the first matching rule's, else SOFT. */
export function tokenType(
  manufacturer: string,
  model: string,
  rules: readonly TokenTypeRule[] = DEFAULT_TOKEN_TYPE_RULES,
): TokenDeviceType {
  return matchingRule(manufacturer, model, rules)?.type ?? 'SOFT';
}

function matchingRule(
  manufacturer: string,
  model: string,
  rules: readonly TokenTypeRule[] = DEFAULT_TOKEN_TYPE_RULES,
): TokenTypeRule | undefined {
  const matches = (pattern: RegExp | undefined, value: string) => pattern === undefined || pattern.test(value);
  return rules.find(
    (r) => (r.manufacturer || r.model) && matches(r.manufacturer, manufacturer) && matches(r.model, model),
  );
}

/** Every token present in a slot of `module`, with its info. Maps PKCS#11 errors to DomainErrors. */
export function listTokens(module: Pkcs11Module, options: TokenListOptions = {}): TokenInfo[] {
  return presentSlots(module).map(({ token }) => describeToken(token, options.typeRules));
}

/**
 * The token that `selector` names, with its slot (for this library's session code). Throws
 * DomainError TOKEN_NOT_PRESENT `{ serial }` or `{ label }` when no present token matches.
 * A serial is preferred: labels are set by users and need not be unique.
 */
export function findToken(
  module: Pkcs11Module,
  selector: TokenSelector,
  options: TokenListOptions = {},
): { readonly slot: Slot; readonly info: TokenInfo } {
  for (const { slot, token } of presentSlots(module)) {
    const info = describeToken(token, options.typeRules);
    if ('serial' in selector ? info.serial === selector.serial : info.label === selector.label) return { slot, info };
  }
  throw new DomainError('TOKEN_NOT_PRESENT', { ...selector });
}

/** Current info of the token in `slot` (flags change with every wrong PIN). */
export function readTokenInfo(slot: Slot, rules?: readonly TokenTypeRule[]): TokenInfo {
  try {
    return describeToken(slot.getToken(), rules);
  } catch (e) {
    throw toTokenError(e);
  }
}

function presentSlots(module: Pkcs11Module): { slot: Slot; token: Token }[] {
  try {
    const slots = module.graphene.getSlots(true);
    const out: { slot: Slot; token: Token }[] = [];
    for (let i = 0; i < slots.length; i++) {
      const slot = slots.items(i);
      out.push({ slot, token: slot.getToken() });
    }
    return out;
  } catch (e) {
    throw toTokenError(e);
  }
}

function describeToken(token: Token, rules?: readonly TokenTypeRule[]): TokenInfo {
  const manufacturer = token.manufacturerID.trim();
  const model = token.model.trim();
  const rule = matchingRule(manufacturer, model, rules);
  return {
    label: token.label.trim(),
    manufacturer,
    model,
    serial: token.serialNumber.trim(),
    type: rule?.type ?? 'SOFT',
    certificateCapacity: rule?.certificateCapacity,
    freePublicMemory: memory(token.freePublicMemory),
    totalPublicMemory: memory(token.totalPublicMemory),
    flags: token.flags,
    minPinLength: token.minPinLen,
    maxPinLength: token.maxPinLen,
  };
}

/** CK_ULONG memory sizes arrive as number or bigint; all-ones is CK_UNAVAILABLE_INFORMATION. */
function memory(value: number | bigint): number | undefined {
  const n = BigInt(value);
  if (n === 0xffffffffffffffffn || n === 0xffffffffn) return undefined;
  return Number(n);
}
