import { DomainError } from '@app/contracts';
import { DN_ATTRIBUTE_TYPES, type DnAttribute, type DnAttributeType } from '@app/domain';
import { fromPem } from '@app/pki';

const MAX_ATTRIBUTES = 12;
const MAX_VALUE = 128;

/** The `subject` field of a key-generation request as DN attributes; BAD_USER_INPUT `subject` otherwise. */
export function subjectOf(value: unknown): DnAttribute[] {
  const invalid = () => DomainError.invalidInput([{ field: 'subject', code: 'FIELD_INVALID' }]);
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ATTRIBUTES) throw invalid();
  return value.map((item: unknown) => {
    const a = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const type = a.type as DnAttributeType;
    if (!DN_ATTRIBUTE_TYPES.includes(type)) throw invalid();
    if (typeof a.value !== 'string' || a.value.length === 0 || a.value.length > MAX_VALUE) throw invalid();
    return { type, value: a.value };
  });
}

/** A PEM certificate from a request field; BAD_USER_INPUT naming `field` when it is not one. */
export function certificatePem(pem: string, field: string): Uint8Array {
  const der = fromPem(pem, ['CERTIFICATE']);
  if (!der) throw DomainError.invalidInput([{ field, code: 'FIELD_INVALID' }]);
  return der;
}
