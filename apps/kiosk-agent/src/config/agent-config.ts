import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AgentMode, DomainError, type TokenType } from '@app/contracts';
import { decodeKioskKey } from '@app/domain';
import { type TokenTypeRule } from '@app/pkcs11';

/** The agent's settings after validation. */
export interface AgentConfig {
  /** TCP port on 127.0.0.1. */
  readonly port: number;
  /** Page origins allowed to use the agent (exact `scheme://host[:port]`). */
  readonly allowedOrigins: readonly string[];
  /** The token vendor's PKCS#11 module. */
  readonly modulePath: string;
  readonly kioskCode: string;
  /** HMAC key of this kiosk (from the API's `issueKioskAgentKey`); never logged. */
  readonly kioskKey: Uint8Array;
  readonly mode: AgentMode;
  /** Folder of the computer's certificate store and copied certificates. */
  readonly dataDir: string;
  /** How often the slot list is polled for tokens being inserted and removed. */
  readonly tokenPollMs: number;
  /** How long an ezSign waits for its button, as the page's countdown shows it. */
  readonly buttonTimeoutSeconds: number;
  readonly tokenTypeRules?: readonly TokenTypeRule[];
  /** Largest request body in bytes. */
  readonly maxBodyBytes: number;
}

/** The documented defaults; see docs/kiosk-agent.md. */
export const CONFIG_DEFAULTS = {
  port: 3100,
  modulePath: '/usr/lib/softhsm/libsofthsm2.so',
  mode: 'kiosk',
  dataDir: 'var/kiosk-agent',
  tokenPollMs: 1000,
  buttonTimeoutSeconds: 60,
  maxBodyBytes: 256 * 1024,
} as const;

/** Environment variables that override the file, by setting. */
const ENV_NAMES = {
  port: 'AGENT_PORT',
  allowedOrigins: 'AGENT_ALLOWED_ORIGINS',
  modulePath: 'AGENT_PKCS11_MODULE',
  kioskCode: 'AGENT_KIOSK_CODE',
  kioskKey: 'AGENT_KIOSK_KEY',
  kioskKeyFile: 'AGENT_KIOSK_KEY_FILE',
  mode: 'AGENT_MODE',
  dataDir: 'AGENT_DATA_DIR',
  tokenPollMs: 'AGENT_TOKEN_POLL_MS',
} as const;

type RawConfig = Record<string, unknown>;

/**
 * Reads the config file (JSON, optional when every setting comes from the environment), applies the
 * `AGENT_*` environment overrides and validates the result. Throws DomainError AGENT_CONFIG_INVALID
 * `{ field }` naming the first bad setting, never its value (the kiosk key is a secret).
 */
export function loadAgentConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const raw: RawConfig = file ? readConfigFile(file) : {};
  for (const [setting, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[setting] = setting === 'allowedOrigins' ? value.split(',') : value;
  }
  return validateConfig(raw);
}

/** Validates a config object as read from JSON (numbers may come as strings from the environment). */
export function validateConfig(raw: RawConfig): AgentConfig {
  const port = integer(raw.port ?? CONFIG_DEFAULTS.port, 'port', 0, 65535);
  const allowedOrigins = origins(raw.allowedOrigins);
  const kioskCode = text(raw.kioskCode, 'kioskCode');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(kioskCode)) throw invalid('kioskCode');
  const mode = raw.mode ?? CONFIG_DEFAULTS.mode;
  if (mode !== 'kiosk' && mode !== 'personal') throw invalid('mode');
  return {
    port,
    allowedOrigins,
    modulePath: text(raw.modulePath ?? CONFIG_DEFAULTS.modulePath, 'modulePath'),
    kioskCode,
    kioskKey: kioskKey(raw),
    mode,
    dataDir: resolve(text(raw.dataDir ?? CONFIG_DEFAULTS.dataDir, 'dataDir')),
    tokenPollMs: integer(raw.tokenPollMs ?? CONFIG_DEFAULTS.tokenPollMs, 'tokenPollMs', 100, 60_000),
    buttonTimeoutSeconds: integer(
      raw.buttonTimeoutSeconds ?? CONFIG_DEFAULTS.buttonTimeoutSeconds,
      'buttonTimeoutSeconds',
      1,
      600,
    ),
    tokenTypeRules: raw.tokenTypeRules === undefined ? undefined : typeRules(raw.tokenTypeRules),
    maxBodyBytes: integer(raw.maxBodyBytes ?? CONFIG_DEFAULTS.maxBodyBytes, 'maxBodyBytes', 1024, 16 * 1024 * 1024),
  };
}

function readConfigFile(file: string): RawConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw invalid('configFile');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('configFile');
  return { ...(parsed as RawConfig) };
}

function kioskKey(raw: RawConfig): Uint8Array {
  let encoded = raw.kioskKey;
  if (encoded === undefined && raw.kioskKeyFile !== undefined) {
    try {
      encoded = readFileSync(text(raw.kioskKeyFile, 'kioskKeyFile'), 'utf8');
    } catch {
      throw invalid('kioskKeyFile');
    }
  }
  const key = typeof encoded === 'string' ? decodeKioskKey(encoded) : undefined;
  if (!key) throw invalid('kioskKey');
  return key;
}

/** Origins are compared byte for byte with the `Origin` header, so only the canonical form is accepted. */
function origins(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [];
  if (list.length === 0) throw invalid('allowedOrigins');
  return list.map((item) => {
    const origin = typeof item === 'string' ? item.trim() : '';
    let canonical: string | undefined;
    try {
      const url = new URL(origin);
      canonical = url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
    } catch {
      canonical = undefined;
    }
    if (!canonical || canonical !== origin) throw invalid('allowedOrigins');
    return origin;
  });
}

function typeRules(value: unknown): TokenTypeRule[] {
  if (!Array.isArray(value)) throw invalid('tokenTypeRules');
  return value.map((rule: unknown) => {
    const r = (typeof rule === 'object' && rule !== null ? rule : {}) as Record<string, unknown>;
    if (r.type !== 'IKEY' && r.type !== 'EZSIGN') throw invalid('tokenTypeRules');
    const pattern = (p: unknown) => {
      if (p === undefined) return undefined;
      try {
        return new RegExp(text(p, 'tokenTypeRules'), 'i');
      } catch {
        throw invalid('tokenTypeRules');
      }
    };
    const capacity =
      r.certificateCapacity === undefined ? undefined : integer(r.certificateCapacity, 'tokenTypeRules', 1, 64);
    const out = {
      type: r.type as TokenType,
      manufacturer: pattern(r.manufacturer),
      model: pattern(r.model),
      ...(capacity === undefined ? {} : { certificateCapacity: capacity }),
    };
    if (!out.manufacturer && !out.model) throw invalid('tokenTypeRules');
    return out;
  });
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field);
  return value.trim();
}

function integer(value: unknown, field: string, min: number, max: number): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw invalid(field);
  return n;
}

function invalid(field: string): DomainError {
  return new DomainError('AGENT_CONFIG_INVALID', { field });
}
