import { Alert, Button, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../../calendar/format-date';
import type { AgentClient } from '../agent-client';
import { PinField } from '../apply/PinField';
import { loginToken } from '../apply/token-login';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { cleanupRows, type CleanupRow } from './cleanup-rows';
import { PinStateNotice } from './PinStateNotice';
import { useToken } from './use-token';

/** 刪除載具中過期或失效的憑證: the token's certificates with their status; dead ones can go. */
export const TokenCleanup = ({ agent }: { agent: AgentClient }) => {
  const { t, locale } = useKioskI18n();
  const { token, refresh } = useToken(agent);
  const [pin, setPin] = useState('');
  const [warned, setWarned] = useState(false);
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

  const open = (event: FormEvent) => {
    event.preventDefault();
    void guard(async () => {
      const loggedIn = await loginToken(agent, pin, warned).finally(() => setPin(''));
      setRows(await cleanupRows(agent, loggedIn.serial, locale));
    });
  };

  const remove = (id: string) =>
    void guard(async () => {
      if (!token) return;
      await agent.deleteCertificate({ serial: token.serial, id });
      setConfirming(null);
      setRows(await cleanupRows(agent, token.serial, locale));
    });

  const statusOf = (row: CleanupRow) =>
    row.status
      ? t(`enums.CertificateStatus.${row.status}`)
      : t(row.certificate.expired ? 'kiosk.cleanup.expired' : 'kiosk.cleanup.valid');

  return (
    <Stack spacing={3}>
      <Typography variant="h4">{t('kiosk.home.cleanup')}</Typography>
      <PinStateNotice token={token} />
      {!rows && (
        <Stack component="form" spacing={3} onSubmit={open} sx={{ maxWidth: 560 }}>
          <PinField
            value={pin}
            onChange={setPin}
            finalTry={!!token?.pin.finalTry && !warned}
            onAcceptFinalTry={() => setWarned(true)}
          />
          <Button
            type="submit"
            size="large"
            variant="contained"
            disabled={busy || !token || !pin || token.pin.locked || (token.pin.finalTry && !warned)}
          >
            {t('kiosk.next')}
          </Button>
        </Stack>
      )}
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
