import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Fragment, useState } from 'react';
import { formatDate } from '../../calendar/format-date';
import { openPdfTab } from '../../documents/fetch-pdf';
import { KioskError, toKioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import type { MyCertificate } from '../kiosk-queries';
import { fetchProofSheet } from './prove-certificate';
import { SuspendButton } from './SuspendButton';

export interface CertificateTableProps {
  readonly certificates: readonly MyCertificate[];
  readonly session: string;
  readonly onSuspend: (certificate: MyCertificate) => Promise<void>;
  readonly onRenew: (certificate: MyCertificate) => void;
  readonly onError: (error: KioskError) => void;
}

/** Renewal starts from the signing certificate (the API renews its encryption partner with it). */
const renewable = (c: MyCertificate): c is MyCertificate & { renewableFrom: string } =>
  c.status === 'ACTIVE' && c.usage === 'SIGNING' && !!c.renewableFrom;

const rocDate = (iso: string | null) => (iso ? formatDate(new Date(iso), 'roc') : '—');

/**
 * Too early is refused before any key is made: a renewal would otherwise leave new key pairs on the
 * token that no certificate will ever match. The API refuses it too, with the same code.
 */
export function renewalRefusal(c: MyCertificate & { renewableFrom: string }, now = new Date()): KioskError | null {
  if (new Date(c.renewableFrom) <= now) return null;
  return new KioskError('CERT_NOT_RENEWABLE_YET', 'not renewable yet', { opensOn: rocDate(c.renewableFrom) });
}

/** The customer's certificates with status and validity (ROC dates), and what each allows. */
export const CertificateTable = ({ certificates, session, onSuspend, onRenew, onError }: CertificateTableProps) => {
  const { t, locale } = useKioskI18n();
  const [open, setOpen] = useState<string | null>(null);
  if (certificates.length === 0) return <Typography>{t('kiosk.certificates.empty')}</Typography>;

  const proofSheet = (certificate: MyCertificate) => {
    const tab = openPdfTab();
    fetchProofSheet(certificate.id, session, locale)
      .then((pdf) => tab.show(pdf, `proof-${certificate.serialHex}.pdf`))
      .catch((e: unknown) => {
        tab.abandon();
        onError(toKioskError(e));
      });
  };

  return (
    <Table data-testid="my-certificates">
      <TableHead>
        <TableRow>
          <TableCell>{t('kiosk.result.serial')}</TableCell>
          <TableCell>{t('kiosk.apply.commonName')}</TableCell>
          <TableCell>{t('kiosk.certificates.status')}</TableCell>
          <TableCell>{t('kiosk.certificates.validity')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {certificates.map((c) => (
          <Fragment key={c.id}>
            <TableRow data-serial={c.serialHex} data-status={c.status}>
              <TableCell>
                {t(`kiosk.usage.${c.usage}`)} {c.serialHex}
              </TableCell>
              <TableCell>{c.commonName}</TableCell>
              <TableCell>{t(`enums.CertificateStatus.${c.status}`)}</TableCell>
              <TableCell>
                {rocDate(c.notBefore)} – {rocDate(c.notAfter)}
              </TableCell>
              <TableCell>
                <Stack direction="row" spacing={1}>
                  {renewable(c) && (
                    <Button
                      variant="contained"
                      onClick={() => {
                        const refusal = renewalRefusal(c);
                        if (refusal) onError(refusal);
                        else onRenew(c);
                      }}
                    >
                      {t('kiosk.renew.button')}
                    </Button>
                  )}
                  {c.status === 'ACTIVE' && <SuspendButton serial={c.serialHex} onSuspend={() => onSuspend(c)} />}
                  {(c.status === 'ACTIVE' || c.status === 'SUSPENDED') && (
                    <Button variant="outlined" onClick={() => proofSheet(c)}>
                      {t('kiosk.certificates.proofSheet')}
                    </Button>
                  )}
                  <Button onClick={() => setOpen(open === c.id ? null : c.id)} aria-expanded={open === c.id}>
                    {t(open === c.id ? 'kiosk.certificates.hideDetails' : 'kiosk.certificates.details')}
                  </Button>
                </Stack>
              </TableCell>
            </TableRow>
            {open === c.id && (
              <TableRow data-testid={`certificate-details-${c.serialHex}`}>
                <TableCell colSpan={5}>
                  <Typography>
                    {t('kiosk.certificates.subjectDn')}：{c.subjectDn}
                  </Typography>
                  <Typography>
                    {t('kiosk.certificates.issuerDn')}：{c.issuerDn ?? '—'}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
};
