import { CertificateStatus, CertificateUsage, IdentityDocument, RevocationReason, StorageMedium } from '@app/contracts';

const choicesOf = (name: string, values: Readonly<Record<string, string>>) =>
  Object.values(values).map((value) => ({ id: value, name: `enums.${name}.${value}` }));

export const CERTIFICATE_STATUS_CHOICES = choicesOf('CertificateStatus', CertificateStatus);
export const CERTIFICATE_USAGE_CHOICES = choicesOf('CertificateUsage', CertificateUsage);
export const STORAGE_MEDIUM_CHOICES = choicesOf('StorageMedium', StorageMedium);
export const REVOCATION_REASON_CHOICES = choicesOf('RevocationReason', RevocationReason);
export const IDENTITY_DOCUMENT_CHOICES = choicesOf('IdentityDocument', IdentityDocument);
