import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DomainError } from '@app/contracts';
import { type DnAttribute, type DnAttributeType, escapeDnValue } from '@app/domain';
import { toArrayBuffer, toHex } from './bytes';
import { assertDer } from './der';
import { OID } from './oids';

/** One attribute of a parsed Name: `type` is the short name we know (`CN`, `OU`, …) or the dotted OID. */
export interface NameAttribute {
  readonly type: string;
  readonly value: string;
  /** Set when the value is not a string type and `value` is its RFC 4514 §2.4 `#hex` BER form. */
  readonly encoded?: true;
}

/** A Name read back: its RDNs in encoded order, and the two string forms people and tools use. */
export interface ParsedName {
  /** RDNs in encoded order (first = most significant, e.g. `C`); a multi-valued RDN has several attributes. */
  readonly rdns: readonly (readonly NameAttribute[])[];
  /** `C=TW, O=Finance, …, CN=…`: encoded order, as the manual and the proof sheet print a DN. */
  readonly display: string;
  /** RFC 4514 §2: RDNs in reverse order, `,` between RDNs and `+` inside a multi-valued one. */
  readonly rfc4514: string;
  /** The Name's DER, byte for byte as it came. */
  readonly der: Uint8Array;
}

const TYPE_OID: Readonly<Record<DnAttributeType, string>> = {
  C: OID.countryName,
  O: OID.organizationName,
  OU: OID.organizationalUnitName,
  CN: OID.commonName,
  L: OID.localityName,
  ST: OID.stateOrProvinceName,
  E: OID.emailAddress,
};

const OID_TYPE: Readonly<Record<string, DnAttributeType>> = Object.fromEntries(
  Object.entries(TYPE_OID).map(([type, oid]) => [oid, type as DnAttributeType]),
);

/** X.680 §41.4 PrintableString repertoire. */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
const ASCII = /^[\x20-\x7e]*$/;

/**
 * DER of an X.501 Name (RFC 5280 §4.1.2.4: `Name ::= RDNSequence`, `RDNSequence ::= SEQUENCE OF
 * RelativeDistinguishedName`, `RelativeDistinguishedName ::= SET SIZE (1..MAX) OF
 * AttributeTypeAndValue`) with ONE attribute per RDN, in the given order. Country is a
 * PrintableString (RFC 5280 Appendix A), emailAddress an IA5String (RFC 2985); other values are a
 * PrintableString when they fit its repertoire, else a UTF8String (RFC 5280 §4.1.2.4 "MUST use
 * UTF8String" for new text). Throws DomainError FIELD_INVALID `{ attribute }` for an empty value, a
 * country that is not two letters or a non-ASCII e-mail address.
 */
export function encodeName(attributes: readonly DnAttribute[]): Uint8Array {
  const rdns = attributes.map(({ type, value }) => {
    const atv = new asn1js.Sequence({
      value: [new asn1js.ObjectIdentifier({ value: TYPE_OID[type] }), attributeValue(type, value)],
    });
    return new asn1js.Set({ value: [atv] });
  });
  return new Uint8Array(new asn1js.Sequence({ value: rdns }).toBER());
}

/**
 * The same Name as a pkijs object for a pkijs Certificate or CertificationRequest. It carries the
 * encoding of {@link encodeName}: pkijs's own `RelativeDistinguishedNames` constructor would put
 * every attribute into one multi-valued RDN.
 */
export function buildName(attributes: readonly DnAttribute[]): pkijs.RelativeDistinguishedNames {
  return pkijs.RelativeDistinguishedNames.fromBER(toArrayBuffer(encodeName(attributes)));
}

/**
 * Reads a Name (RFC 5280 §4.1.2.4) from its DER or from a parsed pkijs object, keeping the RDN
 * structure that pkijs flattens. Values of unknown string types come out in RFC 4514 `#hex` form.
 * Throws DomainError PKI_DATA_MALFORMED when the bytes are not a Name.
 */
export function parseName(name: Uint8Array | pkijs.RelativeDistinguishedNames): ParsedName {
  const der = name instanceof Uint8Array ? name : nameDer(name);
  try {
    assertDer(der);
  } catch {
    throw new DomainError('PKI_DATA_MALFORMED', { structure: 'Name' });
  }
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  if (asn1.offset === -1 || asn1.offset !== der.byteLength || !(asn1.result instanceof asn1js.Sequence)) {
    throw new DomainError('PKI_DATA_MALFORMED', { structure: 'Name' });
  }
  const rdns = asn1.result.valueBlock.value.map((rdn) => {
    if (!(rdn instanceof asn1js.Set) || rdn.valueBlock.value.length === 0) {
      throw new DomainError('PKI_DATA_MALFORMED', { structure: 'Name' });
    }
    return rdn.valueBlock.value.map(readAttribute);
  });
  return {
    rdns,
    display: rdns.map((rdn) => rdn.map(formatAttribute).join(' + ')).join(', '),
    rfc4514: [...rdns]
      .reverse()
      .map((rdn) => rdn.map(formatAttribute).join('+'))
      .join(','),
    der,
  };
}

/**
 * The Name as the one-attribute-per-RDN list `buildSubjectDn` makes, or `undefined` when the Name
 * has a multi-valued RDN or an attribute type outside C/O/OU/CN/L/ST/E.
 */
export function toDnAttributes(name: ParsedName): DnAttribute[] | undefined {
  const out: DnAttribute[] = [];
  for (const rdn of name.rdns) {
    if (rdn.length !== 1 || !(rdn[0].type in TYPE_OID)) return undefined;
    out.push({ type: rdn[0].type as DnAttributeType, value: rdn[0].value });
  }
  return out;
}

/** Whether two attribute lists are the same DN: same order, same types, same values (exact). */
export function sameDn(a: readonly NameAttribute[], b: readonly NameAttribute[]): boolean {
  return a.length === b.length && a.every((x, i) => x.type === b[i].type && x.value === b[i].value);
}

function nameDer(name: pkijs.RelativeDistinguishedNames): Uint8Array {
  if (name.valueBeforeDecode.byteLength > 0) return new Uint8Array(name.valueBeforeDecode.slice(0));
  return new Uint8Array(name.toSchema().toBER());
}

function attributeValue(type: DnAttributeType, value: string): asn1js.BaseBlock {
  if (value.length === 0) throw new DomainError('FIELD_INVALID', { attribute: type });
  switch (type) {
    case 'C':
      if (!/^[A-Za-z]{2}$/.test(value)) throw new DomainError('FIELD_INVALID', { attribute: type });
      return new asn1js.PrintableString({ value });
    case 'E':
      if (!ASCII.test(value)) throw new DomainError('FIELD_INVALID', { attribute: type });
      return new asn1js.IA5String({ value });
    case 'O':
    case 'OU':
    case 'CN':
    case 'L':
    case 'ST':
      return PRINTABLE.test(value) ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
  }
}

const STRING_TYPES = [
  asn1js.Utf8String,
  asn1js.PrintableString,
  asn1js.IA5String,
  asn1js.TeletexString,
  asn1js.BmpString,
  asn1js.UniversalString,
  asn1js.VisibleString,
  asn1js.NumericString,
];

function readAttribute(atv: asn1js.AsnType): NameAttribute {
  if (!(atv instanceof asn1js.Sequence) || atv.valueBlock.value.length !== 2) {
    throw new DomainError('PKI_DATA_MALFORMED', { structure: 'AttributeTypeAndValue' });
  }
  const [oid, value] = atv.valueBlock.value;
  if (!(oid instanceof asn1js.ObjectIdentifier)) {
    throw new DomainError('PKI_DATA_MALFORMED', { structure: 'AttributeTypeAndValue' });
  }
  const dotted = oid.valueBlock.toString();
  const type = OID_TYPE[dotted] ?? dotted;
  if (STRING_TYPES.some((T) => value instanceof T)) {
    return { type, value: (value as asn1js.Utf8String).valueBlock.value };
  }
  return { type, value: `#${toHex(new Uint8Array(value.toBER()))}`, encoded: true };
}

function formatAttribute({ type, value, encoded }: NameAttribute): string {
  return `${type}=${encoded ? value : escapeDnValue(value)}`;
}
