import * as asn1js from 'asn1js';

/**
 * A strict DER reader and a minimal DER writer (X.690 §8 and §10: definite lengths, minimal length
 * octets). asn1js accepts some length mismatches, so anything parsed from outside goes through
 * {@link assertDer} first; the writer serves the structures that must be fast at scale (CRL entries).
 */

/** One TLV: its tag byte, where its contents start and end, and where the whole TLV ends. */
export interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

export class DerError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'DerError';
  }
}

/** Reads the TLV at `offset` (single-byte tags only: every structure here uses low tag numbers). */
export function readTlv(der: Uint8Array, offset: number, limit = der.byteLength): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated TLV', offset);
  const tag = der[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag number', offset);
  let length = der[offset + 1];
  let contentStart = offset + 2;
  if (length === 0x80) throw new DerError('indefinite length', offset);
  if (length > 0x80) {
    const n = length & 0x7f;
    if (n > 4 || contentStart + n > limit) throw new DerError('bad length', offset);
    if (der[contentStart] === 0) throw new DerError('non-minimal length', offset);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + der[contentStart + i];
    if (length < 0x80) throw new DerError('non-minimal length', offset);
    contentStart += n;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('length beyond the data', offset);
  return { tag, start: offset, contentStart, end };
}

/** The TLVs directly inside a constructed TLV, which they must fill exactly. */
export function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const tlv = readTlv(der, at, parent.end);
    out.push(tlv);
    at = tlv.end;
  }
  return out;
}

/**
 * Checks that `der` is exactly one well-formed DER TLV with definite, minimal lengths all the way
 * down (through constructed types; primitive contents are not interpreted). Throws DerError.
 */
export function assertDer(der: Uint8Array, maxDepth = 32): void {
  const top = readTlv(der, 0);
  if (top.end !== der.byteLength) throw new DerError('trailing data', top.end);
  walk(der, top, maxDepth);
}

function walk(der: Uint8Array, tlv: Tlv, depth: number): void {
  if ((tlv.tag & 0x20) === 0) return;
  if (depth === 0) throw new DerError('nested too deep', tlv.start);
  for (const child of children(der, tlv)) walk(der, child, depth - 1);
}

/** The bytes of `tlv` (header and contents) as a view into `der`. */
export function tlvBytes(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.start, tlv.end);
}

/** The contents of `tlv` as a view into `der`. */
export function tlvContent(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.contentStart, tlv.end);
}

/** A DER header (tag + length octets) for `length` bytes of contents. */
export function derHeader(tag: number, length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(tag, length);
  const octets: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) octets.unshift(n & 0xff);
  return Uint8Array.of(tag, 0x80 | octets.length, ...octets);
}

/** One TLV around the concatenation of `parts`. */
export function derTlv(tag: number, ...parts: readonly Uint8Array[]): Uint8Array {
  return concatBytes([
    derHeader(
      tag,
      parts.reduce((n, p) => n + p.byteLength, 0),
    ),
    ...parts,
  ]);
}

/** INTEGER (X.690 §8.3) from unsigned big-endian magnitude bytes: minimal, positive. */
export function derUnsignedInteger(magnitude: Uint8Array): Uint8Array {
  let i = 0;
  while (i < magnitude.byteLength - 1 && magnitude[i] === 0) i++;
  const trimmed = magnitude.subarray(i);
  return trimmed[0] & 0x80 ? derTlv(0x02, Uint8Array.of(0), trimmed) : derTlv(0x02, trimmed);
}

/** INTEGER from a non-negative safe JS integer. */
export function derSmallInteger(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return derUnsignedInteger(Uint8Array.from(bytes.length ? bytes : [0]));
}

/**
 * RFC 5280 §4.1.2.5 Time: UTCTime (YYMMDDHHMMSSZ) for 1950–2049, GeneralizedTime
 * (YYYYMMDDHHMMSSZ) otherwise; seconds precision, always UTC.
 */
export function derTime(date: Date): Uint8Array {
  const year = date.getUTCFullYear();
  const two = (n: number) => String(n).padStart(2, '0');
  const rest = `${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  if (year >= 1950 && year < 2050) return derTlv(0x17, ascii(`${two(year % 100)}${rest}`));
  return derTlv(0x18, ascii(`${String(year).padStart(4, '0')}${rest}`));
}

/** GeneralizedTime `YYYYMMDDHHMMSSZ` (X.690 §11.7, RFC 5280 §4.1.2.5.2), as OCSP always uses it. */
export function derGeneralizedTime(date: Date): Uint8Array {
  return derTlv(
    0x18,
    ascii(
      date
        .toISOString()
        .replace(/\.\d{3}/, '')
        .replace(/[-:T]/g, ''),
    ),
  );
}

/** Reads a UTCTime or GeneralizedTime TLV in the RFC 5280 form written by {@link derTime}. */
export function readTime(der: Uint8Array, tlv: Tlv): Date {
  const text = Buffer.from(tlvContent(der, tlv)).toString('latin1');
  const m =
    tlv.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : tlv.tag === 0x18
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
        : null;
  if (!m) throw new DerError('bad time', tlv.start);
  let year = Number(m[1]);
  if (tlv.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function ascii(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

const oidCache = new Map<string, Uint8Array>();

/** OBJECT IDENTIFIER TLV (X.690 §8.19) for a dotted OID; cached, the same few OIDs are written again and again. */
export function derOid(dotted: string): Uint8Array {
  let der = oidCache.get(dotted);
  if (!der) {
    der = new Uint8Array(new asn1js.ObjectIdentifier({ value: dotted }).toBER());
    oidCache.set(dotted, der);
  }
  return der;
}

/** Dotted text of an OBJECT IDENTIFIER TLV (X.690 §8.19). */
export function readOid(der: Uint8Array, tlv: Tlv): string {
  if (tlv.tag !== 0x06) throw new DerError('not an OBJECT IDENTIFIER', tlv.start);
  const arcs: number[] = [];
  let value = 0;
  for (const byte of tlvContent(der, tlv)) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}
