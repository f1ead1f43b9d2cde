import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

/**
 * Every setting the API reads from the environment, validated once at boot. A bad value stops the
 * process with the names of the faulty variables (never their values: some are secrets).
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** `mariadb://user:pass@host:3306/db`, `mysql://…`, or `sqljs:<file>` / `sqljs::memory:` (embedded). */
  @Matches(/^(mariadb|mysql):\/\/.+|^sqljs:.+$/)
  DATABASE_URL = 'sqljs:var/branch-ra.sqlite';

  /** HMAC key of staff sessions; at least 32 characters. */
  @IsString()
  @MinLength(32)
  JWT_SECRET: string;

  @Matches(/^\d+[smh]$/)
  JWT_TTL = '30m';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_MAX_FAILURES = 5;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_LOCK_MINUTES = 15;

  /** Sign-in attempts one client address may make per minute. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_RATE_PER_MINUTE = 20;

  /** Folder of the built admin console; served at `/` when it exists. */
  @IsString()
  ADMIN_DIST_DIR = 'dist/admin';

  /** Where the code-first GraphQL schema is written; empty keeps it in memory (production). */
  @IsOptional()
  @IsString()
  SCHEMA_FILE?: string;

  /** Seed the demo branches, staff and customers at boot (idempotent). */
  @IsIn(['true', 'false'])
  SEED_DEMO = 'false';

  /** Folder of the CA hierarchy made by `npm run ca:init`: certificates and encrypted keys (the issuing one only with `file`). */
  @IsString()
  CA_DIR = 'var/ca';

  /** Passphrase of the issuing CA's encrypted PKCS#8 key, or CA_KEY_PASSPHRASE_FILE naming a file that holds it. */
  @IsOptional()
  @IsString()
  @MinLength(12)
  CA_KEY_PASSPHRASE?: string;

  @IsOptional()
  @IsString()
  CA_KEY_PASSPHRASE_FILE?: string;

  /**
   * Where the issuing CA key lives: `file` (encrypted PKCS#8 in CA_DIR, under CA_KEY_PASSPHRASE) or
   * `pkcs11` (generated on and never leaving a PKCS#11 token, see CA_PKCS11_*). The root key is a
   * file either way: it signs once at `ca:init` and belongs offline after that.
   */
  @IsIn(['file', 'pkcs11'])
  CA_KEY_STORE: 'file' | 'pkcs11' = 'file';

  /** PKCS#11 module (shared library) of the CA token, e.g. `/usr/lib/softhsm/libsofthsm2.so`; needed for `pkcs11`. */
  @ValidateIf((env: Env) => env.CA_KEY_STORE === 'pkcs11')
  @IsString()
  CA_PKCS11_MODULE?: string;

  /** CKA_LABEL of the token (HSM slot) that holds the issuing CA key; needed for `pkcs11`. */
  @ValidateIf((env: Env) => env.CA_KEY_STORE === 'pkcs11')
  @IsString()
  CA_PKCS11_TOKEN_LABEL?: string;

  /** User PIN of the CA token, or CA_PKCS11_PIN_FILE naming a file that holds it. Never logged. */
  @IsOptional()
  @IsString()
  CA_PKCS11_PIN?: string;

  @IsOptional()
  @IsString()
  CA_PKCS11_PIN_FILE?: string;

  /** CKA_LABEL of the issuing CA key pair on the token: `ca:init` gives it, the API looks it up by it. */
  @IsString()
  CA_PKCS11_KEY_LABEL = 'FXML CA';

  /** Public base URL of the /pki endpoints, written into certificates (CRL distribution point, OCSP). */
  @Matches(/^https?:\/\/[^\s]+[^/]$/)
  PKI_BASE_URL = 'http://127.0.0.1:3000/pki';

  /** Certificate policy OID of the FXML profile: set it to the bank's own. */
  @Matches(/^[0-2](\.\d+)+$/)
  CERT_POLICY_OID = '2.25.329800735698586629295641978511506172918';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(3650)
  CERT_VALIDITY_DAYS = 365;

  /** Time between a CRL's thisUpdate and nextUpdate; at most ten days. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(240)
  CRL_VALIDITY_HOURS = 24;

  /**
   * Who signs OCSP responses: `delegated` (default), a responder key made in memory at start and
   * certified by the issuing CA for OCSP signing only, so the CA key (perhaps on a token) is used
   * once per responder certificate instead of once per query; or `ca`, the issuing CA itself.
   */
  @IsIn(['delegated', 'ca'])
  OCSP_SIGNER: 'delegated' | 'ca' = 'delegated';

  /** Lifetime of a delegated responder certificate (it carries ocsp-nocheck, so keep it short). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(720)
  OCSP_RESPONDER_VALIDITY_HOURS = 48;

  /** Lets the demo and tests see a request stay PENDING (code 6025) this long before it is signed. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  CA_ISSUE_DELAY_MS = 0;

  /** How often the issuance worker looks for pending requests; 0 turns the worker off in this process. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  ISSUANCE_POLL_MS = 1000;

  /** How often certificates past notAfter are marked EXPIRED; 0 turns the sweep off in this process. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  EXPIRY_SWEEP_MS = 3_600_000;

  /** Test only (NODE_ENV=test): the issuance worker stops after signing and writes the certificate here. */
  @IsOptional()
  @IsString()
  ISSUANCE_TEST_PAUSE_FILE?: string;

  /** Four eyes on 憑證解禁: a teller's unsuspend waits for a supervisor of the branch; `false` applies it at once (still audited). */
  @IsIn(['true', 'false'])
  UNSUSPEND_REQUIRES_APPROVAL = 'true';

  /**
   * Key of the audit trail's HMAC chain (at least 32 characters), or AUDIT_HMAC_KEY_FILE naming a file that
   * holds it. Never stored in the database. Required unless NODE_ENV=test or the database is embedded (demo).
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  AUDIT_HMAC_KEY?: string;

  @IsOptional()
  @IsString()
  AUDIT_HMAC_KEY_FILE?: string;

  /** `outbox` keeps mail in the mail_outbox table (demo, console page); `smtp` sends through SMTP_URL. */
  @IsIn(['smtp', 'outbox'])
  MAIL_TRANSPORT: 'smtp' | 'outbox' = 'outbox';

  /** `smtp://user:pass@host:587` or `smtps://…`; needed for MAIL_TRANSPORT=smtp. */
  @ValidateIf((env: Env) => env.MAIL_TRANSPORT === 'smtp')
  @Matches(/^smtps?:\/\/.+/)
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = '憑證服務 <no-reply@example.com.tw>';

  /** Days before notAfter at which a customer is reminded, comma-separated, e.g. `30,7`. */
  @Matches(/^\d{1,3}(,\d{1,3})*$/)
  REMINDER_THRESHOLDS_DAYS = '30';

  /** How often the expiry reminder job runs; 0 turns it off in this process. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  REMINDER_INTERVAL_MS = 86_400_000;

  /** The dashboard counts certificates suspended for longer than this many days. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(3650)
  DASHBOARD_SUSPENDED_DAYS = 30;

  /** Days an application password stays valid after its notice is printed. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(365)
  APPLICATION_PASSWORD_DAYS = 30;

  /** Wrong application passwords in a row that lock the application. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(20)
  APPLICATION_PASSWORD_MAX_TRIES = 5;

  /** The bank's name as printed on password notices and proof sheets. */
  @IsString()
  @MinLength(1)
  BANK_NAME = '合作金庫商業銀行';

  /**
   * Master key of kiosk pairing (base64url, 32 bytes), or KIOSK_PAIRING_KEY_FILE naming a file that
   * holds it; required in production. Each kiosk agent holds a key derived from it, never this one.
   */
  @ValidateIf(
    (env: Env) => env.KIOSK_PAIRING_KEY !== undefined || (env.NODE_ENV === 'production' && !env.KIOSK_PAIRING_KEY_FILE),
  )
  @Matches(/^[A-Za-z0-9_-]{43}=?$/)
  KIOSK_PAIRING_KEY?: string;

  @IsOptional()
  @IsString()
  KIOSK_PAIRING_KEY_FILE?: string;

  /** How long a kiosk session's pairing token is valid; the agent ends the session when it expires. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(240)
  KIOSK_PAIRING_TTL_MINUTES = 30;

  /** The origin of the kiosk page, bound into pairing tokens; each agent's allowedOrigins must list it. */
  @Matches(/^https?:\/\/[^/\s]+$/)
  KIOSK_PAGE_ORIGIN = 'http://127.0.0.1:3000';

  /** Where the kiosk page finds its local agent; the page's CSP lets it connect there and nowhere else. */
  @Matches(/^https?:\/\/[^/\s]+$/)
  KIOSK_AGENT_URL = 'http://127.0.0.1:3100';

  /**
   * PEM file of the legacy FEDI CA (one or more certificates) whose customer certificates may be
   * converted online to FXML; unset turns the conversion off (FEDI_CONVERSION_UNAVAILABLE).
   */
  @IsOptional()
  @IsString()
  FEDI_CA_CERT_FILE?: string;

  @IsIn(['error', 'warn', 'log', 'debug'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'log';
}

export const ENV = Symbol('ENV');

/** Parses and validates `source` (default `process.env`); throws listing the invalid names. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Env, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const names = errors.map((e) => e.property).join(', ');
    throw new Error(`Invalid configuration: ${names}. See the README section "Configuration".`);
  }
  return env;
}

export function isEmbeddedDatabase(env: Env): boolean {
  return env.DATABASE_URL.startsWith('sqljs:');
}
