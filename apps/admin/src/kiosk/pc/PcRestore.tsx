import type { CertificateDetails } from '@app/contracts';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { bytesBase64 } from './save-file';
import { StoreCertificateCard } from './StoreCertificateCard';
import { StoreUnlock } from './StoreUnlock';
import { useStorePassword } from './use-store-password';

/**
 * PC憑證匯入: a backup file (.p12 / .pfx) and its password restore the certificate and its key to
 * this computer's store. A wrong password is PKCS12_PASSWORD_WRONG and changes nothing.
 */
export const PcRestore = ({
  agent,
  computer,
}: {
  agent: AgentClient;
  computer: { readonly storeCreated: boolean };
}) => {
  const { t } = useKioskI18n();
  const store = useStorePassword(agent, computer);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [restored, setRestored] = useState<CertificateDetails | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  const restore = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        const pkcs12 = bytesBase64(new Uint8Array(await file.arrayBuffer()));
        const { certificate } = await agent.storeImport({ pkcs12, password });
        setRestored(certificate);
      } catch (e) {
        setError(toKioskError(e));
      } finally {
        setPassword('');
        setBusy(false);
      }
    })();
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 900 }}>
      <Typography variant="h4">{t('kiosk.pc.home.pcRestore')}</Typography>
      <StoreUnlock store={store}>
        {restored ? (
          <>
            <Alert severity="success" data-testid="restore-done" sx={{ fontSize: '1.3rem' }}>
              {t('kiosk.pc.restored')}
            </Alert>
            <StoreCertificateCard certificate={restored} />
          </>
        ) : (
          <Stack component="form" spacing={3} onSubmit={restore} sx={{ maxWidth: 640 }}>
            <Typography variant="h6">{t('kiosk.pc.restoreHint')}</Typography>
            <Button component="label" size="large" variant="outlined" sx={{ py: 2 }}>
              {file ? file.name : t('kiosk.pc.restoreFile')}
              <input
                type="file"
                hidden
                accept=".p12,.pfx,application/x-pkcs12"
                data-testid="restore-file"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Button>
            <TextField
              label={t('kiosk.pc.restorePassword')}
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <Button type="submit" size="large" variant="contained" disabled={busy || !file || !password}>
              {t('kiosk.pc.restoreStart')}
            </Button>
          </Stack>
        )}
      </StoreUnlock>
      <KioskErrorNotice error={error} />
    </Stack>
  );
};
