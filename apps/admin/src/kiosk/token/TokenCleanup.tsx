import { Alert, Button, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDate } from '../../calendar/format-date';
import type { AgentClient } from '../agent-client';
import { insertedToken } from '../apply/token-login';
import { KioskError, toKioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { cleanupRows, type CleanupRow } from './cleanup-rows';
import { PinStateNotice } from './PinStateNotice';
import type { OwnToken } from './token-ownership';
import { TokenOwnerStep } from './TokenOwnerStep';
import { useToken } from './use-token';

/**
 * 刪除載具中過期或失效的憑證: once the customer proved the token their own, its certificates with
 * the bank's status; dead ones can go.
 */
export const TokenCleanup = ({ agent }: { agent: AgentClient }) => {
  const { t, locale } = useKioskI18n();
  const { token, refresh } = useToken(agent);
  const [owned, setOwned] = useState<OwnToken | null>(null);
  const [rows, setRows] = useState<CleanupRow[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  const guard = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toKioskError(e));
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const open = (own: OwnToken) => {
    setOwned(own);
    void guard(async () => setRows(await cleanupRows(agent, own.serial, own.session, locale)));
  };

  const remove = (id: string) =>
    void guard(async () => {
      if (!owned) return;
      // Only on the token proven to be the customer's, not one put in since.
      if ((await insertedToken(agent))?.serial !== owned.serial)
        throw new KioskError('TOKEN_NOT_YOURS', 'another token');
      await agent.deleteCertificate({ serial: owned.serial, id });
      setConfirming(null);
      setRows(await cleanupRows(agent, owned.serial, owned.session, locale));
    });

  const statusOf = (row: CleanupRow) =>
    row.status
      ? t(`enums.CertificateStatus.${row.status}`)
      : t(row.certificate.expired ? 'kiosk.cleanup.expired' : 'kiosk.cleanup.valid');

  return (
    <Stack spacing={3}>
      <Typography variant="h4">{t('kiosk.home.cleanup')}</Typography>
      <PinStateNotice token={token} />
      {!owned && <TokenOwnerStep agent={agent} token={token} refresh={refresh} onOwned={open} />}
      <KioskErrorNotice error={error} />
      {rows && rows.length === 0 && <Typography>{t('kiosk.certificates.empty')}</Typography>}
      {rows && rows.length > 0 && (
        <Table data-testid="token-certificates">
          <TableBody>
            {rows.map((row) => (
              <TableRow
                key={row.certificate.id}
                data-serial={row.certificate.serialNumber}
                data-deletable={row.deletable}
              >
                <TableCell>{row.certificate.subject}</TableCell>
                <TableCell>{formatDate(new Date(row.certificate.notAfter), 'roc')}</TableCell>
                <TableCell>{statusOf(row)}</TableCell>
                <TableCell>
                  {row.deletable && confirming !== row.certificate.id && (
                    <Button variant="outlined" color="error" onClick={() => setConfirming(row.certificate.id)}>
                      {t('kiosk.cleanup.delete')}
                    </Button>
                  )}
                  {confirming === row.certificate.id && (
                    <Alert
                      severity="warning"
                      action={
                        <Button color="error" disabled={busy} onClick={() => remove(row.certificate.id)}>
                          {t('kiosk.cleanup.confirm')}
                        </Button>
                      }
                    >
                      {t('kiosk.cleanup.really')}
                    </Alert>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
