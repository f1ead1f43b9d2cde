import type { CertificateDetails } from '@app/contracts';
import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { formatDate } from '../../calendar/format-date';
import { useKioskI18n } from '../kiosk-i18n';

/** The CN of a DN as the agent displays it (`C=TW, …, CN=U139514691-00-261124`). */
export const commonNameOf = (dn: string) => /(?:^|,\s*)CN=([^,]+)/.exec(dn)?.[1] ?? dn;

/** One certificate of this computer's store, as the customer checks it before a backup or after a restore. */
export const StoreCertificateCard = ({ certificate }: { certificate: CertificateDetails }) => {
  const { t } = useKioskI18n();
  const rows: [string, string][] = [
    [t('kiosk.apply.commonName'), commonNameOf(certificate.subject)],
    [t('kiosk.result.serial'), certificate.serialNumber],
    [t('kiosk.certificates.issuerDn'), certificate.issuer],
    [t('kiosk.certificates.subjectDn'), certificate.subject],
    [
      t('kiosk.certificates.validity'),
      `${formatDate(new Date(certificate.notBefore), 'roc')} – ${formatDate(new Date(certificate.notAfter), 'roc')}`,
    ],
  ];
  return (
    <Table data-testid="store-certificate" data-serial={certificate.serialNumber}>
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell sx={{ fontSize: '1.1rem', width: '25%' }}>{label}</TableCell>
            <TableCell sx={{ fontSize: '1.2rem', wordBreak: 'break-all' }}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
