import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  pbkdf2,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { promisify } from 'node:util';
import { DomainError } from '@app/contracts';
import { readCertificate } from './certificate-info';
import {
  assertDer,
  children,
  derOid,
  derSmallInteger,
  derTlv,
  readOid,
  readTlv,
  type Tlv,
  tlvBytes,
  tlvContent,
} from './der';

/**
 * PKCS #12 (RFC 7292) for the kiosk agent's PC-certificate backup and restore: one private key,
 * its certificate and the chain, password-protected with PBES2 (RFC 8018 §6.2: PBKDF2-HMAC-SHA256,
 * AES-256-CBC) and a SHA-256 HMAC keyed by the RFC 7292 appendix B KDF — the layout OpenSSL 3
 * `pkcs12 -export` writes by default.
 */

export interface BuildPkcs12Input {
  /** The private key as PKCS #8 PrivateKeyInfo DER (RFC 5208 §5). */
  readonly privateKeyPkcs8: Uint8Array;
  /** The key's certificate, DER. */
  readonly certificate: Uint8Array;
  /** Issuing CA certificates, DER, nearest first. */
  readonly chain?: readonly Uint8Array[];
  readonly password: string;
  /** Shown by Windows and browsers when the file is imported. */
  readonly friendlyName?: string;
  /** PBKDF2 and MAC iteration count: at least {@link PKCS12_MIN_ITERATIONS} (the default). */
  readonly iterations?: number;
  /** Whether the certificate bags are encrypted too, as OpenSSL does by default (default true). */
  readonly encryptCertificates?: boolean;
}

export interface ParsePkcs12Options {
  /** Largest accepted input in bytes (default {@link DEFAULT_PKCS12_MAX_BYTES}). */
  readonly maxBytes?: number;
  /** Highest iteration count worked through before giving up (default {@link PKCS12_MAX_ITERATIONS}). */
  readonly maxIterations?: number;
}

export interface ParsedPkcs12 {
  /** PKCS #8 PrivateKeyInfo DER. */
  readonly privateKeyPkcs8: Uint8Array;
  /** The certificate whose public key belongs to the private key, DER. */
  readonly certificate: Uint8Array;
  /** The other certificates in the file, DER, in file order. */
  readonly chain: Uint8Array[];
}

export const PKCS12_MIN_ITERATIONS = 100_000;
/** Bounds the work an uploaded file can demand (three key derivations per file). */
export const PKCS12_MAX_ITERATIONS = 1_000_000;
export const DEFAULT_PKCS12_MAX_BYTES = 64 * 1024;

const P12_OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

/** PBKDF2 PRFs (RFC 8018 appendix B.1) and the Node digest behind each. */
const PRF_DIGEST: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const HMAC_SHA256_OID = '1.2.840.113549.2.9';

/** AES-CBC encryption schemes (RFC 8018 appendix B.2.5 via NIST OIDs) and their key lengths. */
const AES_CBC: Readonly<Record<string, { cipher: string; keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { cipher: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { cipher: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { cipher: 'aes-256-cbc', keyLength: 32 },
};
const AES256_CBC_OID = '2.16.840.1.101.3.4.1.42';

const NULL = Uint8Array.of(0x05, 0x00);
const SALT_BYTES = 16;
const pbkdf2Async = promisify(pbkdf2);

/**
 * Builds a PFX (RFC 7292 §4): an AuthenticatedSafe holding the certificates (in EncryptedData or
 * plain Data) and a pkcs8ShroudedKeyBag, key and certificate linked by a localKeyId attribute,
 * with a SHA-256 MacData over it all. Throws DomainError BAD_USER_INPUT (field `password`) for an
 * empty password, PKI_DATA_MALFORMED for an unreadable certificate or key, PKCS12_KEY_MISMATCH
 * when the key does not belong to the certificate, and RangeError for an iteration count outside
 * the allowed range.
 */
export async function buildPkcs12(input: BuildPkcs12Input): Promise<Uint8Array> {
  const iterations = input.iterations ?? PKCS12_MIN_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < PKCS12_MIN_ITERATIONS || iterations > PKCS12_MAX_ITERATIONS) {
    throw new RangeError(`PKCS#12 iterations must be ${PKCS12_MIN_ITERATIONS}–${PKCS12_MAX_ITERATIONS}`);
  }
  if (input.password.length === 0) {
    throw DomainError.invalidInput([{ field: 'password', code: 'FIELD_REQUIRED' }]);
  }
  const { password } = input;
  checkKeyMatches(input.privateKeyPkcs8, input.certificate);
  for (const ca of input.chain ?? []) readCertificate(ca);

  // OpenSSL's choice of localKeyId: the certificate's SHA-1 fingerprint. It only pairs bags.
  const keyId = new Uint8Array(createHash('sha1').update(input.certificate).digest());
  const attributes = bagAttributes(keyId, input.friendlyName);

  const certBags = [
    safeBag(P12_OID.certBag, certBag(input.certificate), attributes),
    ...(input.chain ?? []).map((c) => safeBag(P12_OID.certBag, certBag(c))),
  ];
  const certContents = derTlv(0x30, ...certBags);
  const certInfo =
    input.encryptCertificates === false
      ? dataContentInfo(certContents)
      : encryptedDataContentInfo(await pbes2Encrypt(certContents, password, iterations));

  const shrouded = await pbes2Encrypt(input.privateKeyPkcs8, password, iterations);
  const keyInfo = dataContentInfo(derTlv(0x30, safeBag(P12_OID.pkcs8ShroudedKeyBag, shrouded, attributes)));

  const authSafe = derTlv(0x30, certInfo, keyInfo);
  const macSalt = new Uint8Array(randomBytes(SALT_BYTES));
  const macKey = await pkcs12Kdf(password, macSalt, 3, iterations, 32);
  const mac = createHmac('sha256', macKey).update(authSafe).digest();
  const macData = derTlv(
    0x30,
    derTlv(0x30, derTlv(0x30, derOid(P12_OID.sha256), NULL), derTlv(0x04, mac)),
    derTlv(0x04, macSalt),
    derSmallInteger(iterations),
  );
  return derTlv(0x30, derSmallInteger(3), dataContentInfo(authSafe), macData);
}

/**
 * Opens a PFX made by {@link buildPkcs12} or by OpenSSL 3 `pkcs12 -export` with its defaults
 * (password integrity by an HMAC MacData, PBES2 with AES-CBC for the key and the certificates).
 * The MAC is checked first, so a wrong password is told apart from a damaged file.
 * Throws DomainError PKCS12_TOO_LARGE `{ max }`, PKCS12_MALFORMED, PKCS12_UNSUPPORTED
 * `{ algorithm }` or PKCS12_PASSWORD_WRONG.
 */
export async function parsePkcs12(
  der: Uint8Array,
  password: string,
  options: ParsePkcs12Options = {},
): Promise<ParsedPkcs12> {
  const maxBytes = options.maxBytes ?? DEFAULT_PKCS12_MAX_BYTES;
  const maxIterations = options.maxIterations ?? PKCS12_MAX_ITERATIONS;
  if (der.byteLength > maxBytes) throw new DomainError('PKCS12_TOO_LARGE', { max: maxBytes });

  const pfx = malformedUnlessDomain(() => readPfx(der));
  if (pfx.iterations > maxIterations) throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: 'iterations' });
  const macKey = await pkcs12Kdf(password, pfx.macSalt, 3, pfx.iterations, 32);
  const expected = createHmac('sha256', macKey).update(pfx.authSafe).digest();
  if (expected.byteLength !== pfx.mac.byteLength || !timingSafeEqual(expected, pfx.mac)) {
    throw new DomainError('PKCS12_PASSWORD_WRONG');
  }

  const keys: Uint8Array[] = [];
  const certificates: Uint8Array[] = [];
  for (const info of malformedUnlessDomain(() => authenticatedSafe(pfx.authSafe))) {
    const contents = info.type === 'data' ? info.content : await pbes2Decrypt(info.content, password, maxIterations);
    for (const bag of malformedUnlessDomain(() => safeBags(contents))) {
      if (bag.type === P12_OID.certBag) certificates.push(bag.value);
      else if (bag.type === P12_OID.pkcs8ShroudedKeyBag) {
        keys.push(await pbes2Decrypt(bag.value, password, maxIterations));
      }
    }
  }
  if (keys.length !== 1) throw new DomainError('PKCS12_MALFORMED');
  const privateKeyPkcs8 = keys[0];
  const spki = malformedUnlessDomain(() => publicKeyOf(privateKeyPkcs8));
  const at = certificates.findIndex((c) => Buffer.from(certificatePublicKey(c)).equals(spki));
  if (at < 0) throw new DomainError('PKCS12_MALFORMED');
  return {
    privateKeyPkcs8,
    certificate: certificates[at],
    chain: certificates.filter((_, i) => i !== at),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** ContentInfo (RFC 5652 §3) of type data holding `content` in an OCTET STRING. */
function dataContentInfo(content: Uint8Array): Uint8Array {
  return derTlv(0x30, derOid(P12_OID.data), derTlv(0xa0, derTlv(0x04, content)));
}

/**
 * ContentInfo of type encryptedData (RFC 5652 §8: `EncryptedData ::= SEQUENCE { version 0,
 * EncryptedContentInfo { contentType data, contentEncryptionAlgorithm, [0] IMPLICIT encryptedContent } }`)
 * from the output of {@link pbes2Encrypt} (`EncryptedPrivateKeyInfo`-shaped: algorithm, OCTET STRING).
 */
function encryptedDataContentInfo(encrypted: Uint8Array): Uint8Array {
  const [algorithm, data] = children(encrypted, readTlv(encrypted, 0));
  const encryptedContentInfo = derTlv(
    0x30,
    derOid(P12_OID.data),
    tlvBytes(encrypted, algorithm),
    derTlv(0x80, tlvContent(encrypted, data)),
  );
  return derTlv(
    0x30,
    derOid(P12_OID.encryptedData),
    derTlv(0xa0, derTlv(0x30, derSmallInteger(0), encryptedContentInfo)),
  );
}

/** `SafeBag ::= SEQUENCE { bagId, bagValue [0] EXPLICIT, bagAttributes SET OF PKCS12Attribute OPTIONAL }` (RFC 7292 §4.2). */
function safeBag(type: string, value: Uint8Array, attributes?: Uint8Array): Uint8Array {
  return derTlv(0x30, derOid(type), derTlv(0xa0, value), ...(attributes ? [attributes] : []));
}

/** `CertBag ::= SEQUENCE { certId x509Certificate, certValue [0] EXPLICIT OCTET STRING }` (RFC 7292 §4.2.3). */
function certBag(certificate: Uint8Array): Uint8Array {
  return derTlv(0x30, derOid(P12_OID.x509Certificate), derTlv(0xa0, derTlv(0x04, certificate)));
}

/** localKeyId and friendlyName (PKCS #9, RFC 2985 §5.5.1–2) as a DER SET OF, sorted as DER wants. */
function bagAttributes(keyId: Uint8Array, friendlyName?: string): Uint8Array {
  const attributes = [derTlv(0x30, derOid(P12_OID.localKeyId), derTlv(0x31, derTlv(0x04, keyId)))];
  if (friendlyName !== undefined) {
    const name = derTlv(0x1e, bmpString(friendlyName, false));
    attributes.push(derTlv(0x30, derOid(P12_OID.friendlyName), derTlv(0x31, name)));
  }
  return derTlv(0x31, ...attributes.sort((a, b) => Buffer.compare(a, b)));
}

/**
 * PBES2 encryption (RFC 8018 §6.2.1) with PBKDF2-HMAC-SHA256 and AES-256-CBC, returned as
 * `EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm, encryptedData OCTET STRING }`
 * (RFC 5208 §6), the shape of a pkcs8ShroudedKeyBag. The password goes in as UTF-8, as OpenSSL does.
 */
async function pbes2Encrypt(plain: Uint8Array, password: string, iterations: number): Promise<Uint8Array> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(16);
  const key = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  const pbkdf2Params = derTlv(
    0x30,
    derTlv(0x04, salt),
    derSmallInteger(iterations),
    derTlv(0x30, derOid(HMAC_SHA256_OID), NULL),
  );
  const algorithm = derTlv(
    0x30,
    derOid(P12_OID.pbes2),
    derTlv(
      0x30,
      derTlv(0x30, derOid(P12_OID.pbkdf2), pbkdf2Params),
      derTlv(0x30, derOid(AES256_CBC_OID), derTlv(0x04, iv)),
    ),
  );
  return derTlv(0x30, algorithm, derTlv(0x04, encrypted));
}

// ---------------------------------------------------------------------------------------------
// Reading

interface Pfx {
  readonly authSafe: Uint8Array;
  readonly mac: Uint8Array;
  readonly macSalt: Uint8Array;
  readonly iterations: number;
}

/** `PFX ::= SEQUENCE { version 3, authSafe ContentInfo (data), macData MacData }` (RFC 7292 §4). */
function readPfx(der: Uint8Array): Pfx {
  assertDer(der);
  const [version, authSafeInfo, macData, ...rest] = children(der, readTlv(der, 0));
  if (rest.length || !version || !authSafeInfo || !isInteger(der, version, 3)) throw malformed();
  // Without a MAC a wrong password cannot be told from a damaged file: such files are refused.
  if (!macData || macData.tag !== 0x30) throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: 'no MAC' });
  const authSafe = readDataContentInfo(der, authSafeInfo);

  const [digestInfo, salt, iterations, ...more] = children(der, macData);
  if (more.length || !digestInfo || !salt || salt.tag !== 0x04) throw malformed();
  const [algorithm, digest, ...extra] = expectSequence(der, digestInfo);
  if (extra.length || !algorithm || !digest || digest.tag !== 0x04) throw malformed();
  const digestOid = algorithmOid(der, algorithm, true);
  if (digestOid !== P12_OID.sha256) throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: digestOid });
  return {
    authSafe,
    mac: tlvContent(der, digest),
    macSalt: tlvContent(der, salt),
    iterations: iterations ? readIterations(der, iterations) : 1,
  };
}

type AuthSafeEntry = { type: 'data'; content: Uint8Array } | { type: 'encrypted'; content: Uint8Array };

/** `AuthenticatedSafe ::= SEQUENCE OF ContentInfo` (RFC 7292 §5.1), each data or encryptedData. */
function authenticatedSafe(der: Uint8Array): AuthSafeEntry[] {
  assertDer(der);
  return expectSequence(der, readTlv(der, 0)).map((info): AuthSafeEntry => {
    const [type] = expectSequence(der, info);
    if (!type) throw malformed();
    const oid = readOid(der, type);
    if (oid === P12_OID.data) return { type: 'data', content: readDataContentInfo(der, info) };
    if (oid === P12_OID.encryptedData) return { type: 'encrypted', content: readEncryptedData(der, info) };
    throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: oid });
  });
}

/** The OCTET STRING inside a ContentInfo of type data. */
function readDataContentInfo(der: Uint8Array, info: Tlv): Uint8Array {
  const [type, wrapper, ...rest] = expectSequence(der, info);
  if (rest.length || !type || !wrapper || wrapper.tag !== 0xa0) throw malformed();
  if (readOid(der, type) !== P12_OID.data) throw malformed();
  const [octets, ...more] = children(der, wrapper);
  if (more.length || !octets || octets.tag !== 0x04) throw malformed();
  return tlvContent(der, octets);
}

/**
 * An encryptedData ContentInfo re-shaped as `SEQUENCE { algorithm, OCTET STRING }` so that it
 * decrypts like a shrouded key bag.
 */
function readEncryptedData(der: Uint8Array, info: Tlv): Uint8Array {
  const [, wrapper, ...rest] = expectSequence(der, info);
  if (rest.length || !wrapper || wrapper.tag !== 0xa0) throw malformed();
  const [encryptedData, ...more] = children(der, wrapper);
  if (more.length || !encryptedData) throw malformed();
  const [version, eci, ...attrs] = expectSequence(der, encryptedData);
  if (attrs.length || !version || !eci || !isInteger(der, version, 0)) throw malformed();
  const [type, algorithm, content, ...tail] = expectSequence(der, eci);
  if (tail.length || !type || !algorithm || !content || content.tag !== 0x80) throw malformed();
  if (readOid(der, type) !== P12_OID.data) throw malformed();
  return derTlv(0x30, tlvBytes(der, algorithm), derTlv(0x04, tlvContent(der, content)));
}

interface Bag {
  readonly type: string;
  readonly value: Uint8Array;
}

/**
 * `SafeContents ::= SEQUENCE OF SafeBag` (RFC 7292 §4.2). Certificate bags yield the certificate
 * DER, shrouded key bags their EncryptedPrivateKeyInfo; other bag types are passed over.
 */
function safeBags(der: Uint8Array): Bag[] {
  assertDer(der);
  return expectSequence(der, readTlv(der, 0)).map((bag) => {
    const [type, wrapper, attributes, ...rest] = expectSequence(der, bag);
    if (rest.length || !type || !wrapper || wrapper.tag !== 0xa0) throw malformed();
    if (attributes && attributes.tag !== 0x31) throw malformed();
    const [value, ...more] = children(der, wrapper);
    if (more.length || !value) throw malformed();
    const oid = readOid(der, type);
    if (oid !== P12_OID.certBag) return { type: oid, value: tlvBytes(der, value) };
    const [certType, certWrapper, ...tail] = expectSequence(der, value);
    if (tail.length || !certType || !certWrapper || certWrapper.tag !== 0xa0) throw malformed();
    if (readOid(der, certType) !== P12_OID.x509Certificate) {
      throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: readOid(der, certType) });
    }
    const [octets, ...extra] = children(der, certWrapper);
    if (extra.length || !octets || octets.tag !== 0x04) throw malformed();
    return { type: oid, value: tlvContent(der, octets).slice() };
  });
}

/**
 * PBES2 decryption (RFC 8018 §6.2.2) of an `EncryptedPrivateKeyInfo`-shaped SEQUENCE: PBKDF2 with
 * an HMAC-SHA-2 PRF, AES-CBC. A padding failure after the MAC matched means the parts disagree:
 * PKCS12_MALFORMED.
 */
async function pbes2Decrypt(der: Uint8Array, password: string, maxIterations: number): Promise<Uint8Array> {
  const params = malformedUnlessDomain(() => readPbes2(der));
  if (params.iterations > maxIterations) throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: 'iterations' });
  const key = await pbkdf2Async(
    Buffer.from(password, 'utf8'),
    params.salt,
    params.iterations,
    params.keyLength,
    params.digest,
  );
  try {
    const decipher = createDecipheriv(params.cipher, key, params.iv);
    return new Uint8Array(Buffer.concat([decipher.update(params.encrypted), decipher.final()]));
  } catch {
    throw malformed();
  }
}

interface Pbes2Params {
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly digest: string;
  readonly cipher: string;
  readonly keyLength: number;
  readonly iv: Uint8Array;
  readonly encrypted: Uint8Array;
}

/** `PBES2-params ::= SEQUENCE { keyDerivationFunc PBKDF2, encryptionScheme }` (RFC 8018 appendix A.4, A.2). */
function readPbes2(der: Uint8Array): Pbes2Params {
  const [algorithm, encrypted, ...rest] = expectSequence(der, readTlv(der, 0));
  if (rest.length || !algorithm || !encrypted || encrypted.tag !== 0x04) throw malformed();
  const [schemeOid, schemeParams, ...extra] = expectSequence(der, algorithm);
  if (extra.length || !schemeOid) throw malformed();
  const scheme = readOid(der, schemeOid);
  if (scheme !== P12_OID.pbes2 || !schemeParams) throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: scheme });
  const [kdf, encryptionScheme, ...tail] = expectSequence(der, schemeParams);
  if (tail.length || !kdf || !encryptionScheme) throw malformed();

  const [kdfOid, kdfParams, ...kdfTail] = expectSequence(der, kdf);
  if (kdfTail.length || !kdfOid || !kdfParams) throw malformed();
  if (readOid(der, kdfOid) !== P12_OID.pbkdf2) {
    throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: readOid(der, kdfOid) });
  }
  const [salt, iterations, ...optional] = expectSequence(der, kdfParams);
  if (!salt || salt.tag !== 0x04 || !iterations) throw malformed();
  let keyLength: number | undefined;
  let prf: Tlv | undefined;
  for (const field of optional) {
    if (field.tag === 0x02 && keyLength === undefined && !prf) keyLength = readIterations(der, field);
    else if (field.tag === 0x30 && !prf) prf = field;
    else throw malformed();
  }
  // An absent PRF means hmacWithSHA1 (RFC 8018 appendix A.2): not something this library accepts.
  const prfOid = prf ? algorithmOid(der, prf, true) : '1.2.840.113549.2.7';
  const digest = PRF_DIGEST[prfOid];
  if (!digest) throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: prfOid });

  const [cipherOid, iv, ...cipherTail] = expectSequence(der, encryptionScheme);
  if (cipherTail.length || !cipherOid || !iv || iv.tag !== 0x04 || iv.end - iv.contentStart !== 16) throw malformed();
  const aes = AES_CBC[readOid(der, cipherOid)];
  if (!aes) throw new DomainError('PKCS12_UNSUPPORTED', { algorithm: readOid(der, cipherOid) });
  if (keyLength !== undefined && keyLength !== aes.keyLength) throw malformed();
  return {
    salt: tlvContent(der, salt),
    iterations: readIterations(der, iterations),
    digest,
    cipher: aes.cipher,
    keyLength: aes.keyLength,
    iv: tlvContent(der, iv),
    encrypted: tlvContent(der, encrypted),
  };
}

/** The SubjectPublicKeyInfo DER that belongs to a PKCS #8 private key. */
function publicKeyOf(pkcs8: Uint8Array): Buffer {
  assertDer(pkcs8);
  const key = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  return createPublicKey(key).export({ format: 'der', type: 'spki' });
}

function checkKeyMatches(pkcs8: Uint8Array, certificate: Uint8Array): void {
  const certified = readCertificate(certificate).publicKey;
  let spki: Buffer;
  try {
    spki = publicKeyOf(pkcs8);
  } catch {
    throw new DomainError('PKI_DATA_MALFORMED', { structure: 'PrivateKeyInfo' });
  }
  if (!spki.equals(certified)) throw new DomainError('PKCS12_KEY_MISMATCH');
}

/** The SubjectPublicKeyInfo DER of a certificate found in a bag. */
function certificatePublicKey(certificate: Uint8Array): Uint8Array {
  try {
    return readCertificate(certificate).publicKey;
  } catch {
    throw malformed();
  }
}

// ---------------------------------------------------------------------------------------------
// RFC 7292 appendix B

/**
 * The PKCS #12 key derivation (RFC 7292 appendix B.2) with SHA-256 (u = 32, v = 64), `id` 3 for
 * MAC keys. The password is a BMPString with its two-byte terminator (appendix B.1). The loop
 * yields to the event loop now and then: 100k iterations take a few hundred milliseconds.
 */
async function pkcs12Kdf(
  password: string,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
): Promise<Uint8Array> {
  const u = 32;
  const v = 64;
  const d = Buffer.alloc(v, id);
  const repeat = (bytes: Uint8Array) => {
    const out = Buffer.alloc(v * Math.ceil(bytes.byteLength / v));
    for (let i = 0; i < out.length; i++) out[i] = bytes[i % bytes.byteLength];
    return out;
  };
  const i = Buffer.concat([repeat(salt), repeat(bmpString(password, true))]);
  const blocks = Math.ceil(length / u);
  const out: Buffer[] = [];
  for (let block = 0; block < blocks; block++) {
    let a = createHash('sha256').update(d).update(i).digest();
    for (let r = 1; r < iterations; r++) {
      a = createHash('sha256').update(a).digest();
      if (r % 8192 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    out.push(a);
    if (block + 1 < blocks) {
      // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block of I (step 6C)
      const b = repeat(a);
      for (let j = 0; j < i.length; j += v) {
        let carry = 1;
        for (let k = v - 1; k >= 0; k--) {
          const sum = i[j + k] + b[k] + carry;
          i[j + k] = sum & 0xff;
          carry = sum >> 8;
        }
      }
    }
  }
  return new Uint8Array(Buffer.concat(out).subarray(0, length));
}

/** UTF-16 big-endian (BMPString as OpenSSL writes it, surrogate pairs kept), optionally with the 0x0000 terminator. */
function bmpString(text: string, terminated: boolean): Uint8Array {
  const le = Buffer.from(terminated ? `${text}\u0000` : text, 'utf16le');
  return new Uint8Array(le.swap16());
}

// ---------------------------------------------------------------------------------------------
// Small strict readers

function malformed(): DomainError {
  return new DomainError('PKCS12_MALFORMED');
}

function malformedUnlessDomain<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw malformed();
  }
}

function expectSequence(der: Uint8Array, tlv: Tlv): Tlv[] {
  if (tlv.tag !== 0x30) throw malformed();
  return children(der, tlv);
}

/** The OID of an AlgorithmIdentifier whose parameters are absent or (when `nullOk`) NULL. */
function algorithmOid(der: Uint8Array, tlv: Tlv, nullOk: boolean): string {
  const [oid, params, ...rest] = expectSequence(der, tlv);
  if (rest.length || !oid) throw malformed();
  if (params && !(nullOk && params.tag === 0x05 && params.end === params.contentStart)) throw malformed();
  return readOid(der, oid);
}

function isInteger(der: Uint8Array, tlv: Tlv, value: number): boolean {
  return tlv.tag === 0x02 && Buffer.from(tlvContent(der, tlv)).equals(Buffer.from(derSmallInteger(value).subarray(2)));
}

/** A positive INTEGER that fits in 32 bits, minimal encoding. */
function readIterations(der: Uint8Array, tlv: Tlv): number {
  const content = tlvContent(der, tlv);
  if (tlv.tag !== 0x02 || content.byteLength === 0 || content.byteLength > 5) throw malformed();
  if (content[0] & 0x80) throw malformed();
  if (content.byteLength > 1 && content[0] === 0 && (content[1] & 0x80) === 0) throw malformed();
  const value = content.reduce((n, byte) => n * 256 + byte, 0);
  if (value < 1 || value > 0xffffffff) throw malformed();
  return value;
}
