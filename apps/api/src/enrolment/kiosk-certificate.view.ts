import { CertificateStatus } from '@app/contracts';
import { parseName, readCertificate } from '@app/pki';
import type { Certificate } from '../certificate/certificate.entity';
import type { KioskCertificate } from './dto/enrolment.types';
import { renewalOpensAt } from './renewal-window';

/** The kiosk's view of a certificate: DNs from the DER once signed, never the key or the DER itself. */
export function toKioskCertificate(c: Certificate): KioskCertificate {
  return {
    id: c.id,
    serialHex: c.serialHex,
    usage: c.usage,
    status: c.status,
    medium: c.medium,
    commonName: c.commonName,
    subjectDn: c.subjectDn,
    issuerDn: c.der ? parseName(readCertificate(new Uint8Array(c.der)).issuer).display : null,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    renewableFrom: c.status === CertificateStatus.ACTIVE && c.notAfter ? renewalOpensAt(c.notAfter) : null,
    predecessorId: c.predecessorId,
  };
}
