import { DomainError } from '@app/contracts';

/** The attribute types a subject DN template may use (RFC 4514 short names; E = emailAddress). */
export const DN_ATTRIBUTE_TYPES = ['C', 'O', 'OU', 'CN', 'L', 'ST', 'E'] as const;
export type DnAttributeType = (typeof DN_ATTRIBUTE_TYPES)[number];

/** One RDN of a subject DN: a single type and its raw (unescaped) value. */
export interface DnAttribute {
  readonly type: DnAttributeType;
  readonly value: string;
}

/** Per bank and CA profile: how the subject DN of a customer certificate is made. */
export interface DnTemplateConfig {
  template: string;
}

export interface DnValues {
  bankCode: string;
  bankName: string;
  certType: string;
  cn: string;
}

/** The DN form of the platform manual, e.g. `..., OU=0060000-Taiwan Cooperative Bank, OU=FXML, CN=U139514691-00-090319`. */
export const DEFAULT_DN_TEMPLATE =
  'C=TW, O=Finance, OU=TWCA Financial User CA, OU={bankCode}-{bankName}, OU={certType}, CN={cn}';

/** RFC 5280 Appendix A upper bounds (ub-common-name etc.); C is a two-letter ISO 3166 code. */
const MAX_LENGTH: Readonly<Record<DnAttributeType, number>> = { C: 2, O: 64, OU: 64, CN: 64, L: 128, ST: 128, E: 255 };

/**
 * Fills `template` (`TYPE=value` parts separated by commas, `\,` for a literal comma) with `values`
 * and returns one attribute per RDN, in template order. Throws DomainError FIELD_INVALID
 * `{ placeholder }` for an unknown placeholder or one whose value is empty, FIELD_INVALID
 * `{ template }` for a malformed part or attribute type, and FIELD_TOO_LONG `{ attribute, max }`
 * when a value exceeds its RFC 5280 upper bound (the CA would refuse the request).
 */
export function buildSubjectDn(template: string, values: DnValues): DnAttribute[] {
  return splitUnescaped(template, ',').map((part) => {
    const eq = indexOfUnescaped(part, '=');
    const type = eq > 0 ? part.slice(0, eq).trim().toUpperCase() : '';
    if (!isAttributeType(type)) throw new DomainError('FIELD_INVALID', { template, part: part.trim() });
    const value = fill(part.slice(eq + 1).trim(), values);
    if (value.trim() === '') throw new DomainError('FIELD_INVALID', { template, part: part.trim() });
    if (value.length > MAX_LENGTH[type]) {
      throw new DomainError('FIELD_TOO_LONG', { attribute: type, max: MAX_LENGTH[type] });
    }
    return { type, value };
  });
}

/**
 * The DN as the manual and the proof sheet show it, in order: `C=TW, O=Finance, ...`. Values are
 * escaped per RFC 4514 §2.4 (`,+"\<>;=`, a leading `#` or space, a trailing space, NUL).
 */
export function formatDn(rdns: readonly DnAttribute[]): string {
  return rdns.map(({ type, value }) => `${type}=${escapeDnValue(value)}`).join(', ');
}

/** One attribute value escaped per RFC 4514 §2.4. */
export function escapeDnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/\0/g, '\\00')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

function fill(raw: string, values: DnValues): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      out += raw[++i];
    } else if (c === '{') {
      const end = raw.indexOf('}', i);
      const placeholder = end < 0 ? raw.slice(i + 1) : raw.slice(i + 1, end);
      if (end < 0 || !Object.prototype.hasOwnProperty.call(values, placeholder)) {
        throw new DomainError('FIELD_INVALID', { placeholder });
      }
      const value = values[placeholder as keyof DnValues];
      if (typeof value !== 'string' || value.trim() === '') throw new DomainError('FIELD_INVALID', { placeholder });
      out += value;
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

function isAttributeType(type: string): type is DnAttributeType {
  return (DN_ATTRIBUTE_TYPES as readonly string[]).includes(type);
}

function indexOfUnescaped(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

function splitUnescaped(s: string, sep: string): string[] {
  const parts: string[] = [];
  let rest = s;
  for (let i = indexOfUnescaped(rest, sep); i >= 0; i = indexOfUnescaped(rest, sep)) {
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  parts.push(rest);
  return parts;
}
