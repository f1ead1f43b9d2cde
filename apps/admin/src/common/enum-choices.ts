import { CustomerKind, IdKind, StaffRole } from '@app/contracts';

/** Select choices for a shared enum, labelled by the `enums.<Name>.<VALUE>` translation keys. */
function choicesOf(name: string, values: Readonly<Record<string, string>>): { id: string; name: string }[] {
  return Object.values(values).map((value) => ({ id: value, name: `enums.${name}.${value}` }));
}

export const CUSTOMER_KIND_CHOICES = choicesOf('CustomerKind', CustomerKind);
export const ID_KIND_CHOICES = choicesOf('IdKind', IdKind);
export const STAFF_ROLE_CHOICES = choicesOf('StaffRole', StaffRole);
