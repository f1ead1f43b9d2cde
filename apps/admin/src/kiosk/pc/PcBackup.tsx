import type { CertificateDetails } from '@app/contracts';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { backupPasswordRefusal } from './backup-password';
import { base64Bytes, saveFile } from './save-file';
import { commonNameOf, StoreCertificateCard } from './StoreCertificateCard';
import { StoreUnlock } from './StoreUnlock';
import { useStorePassword } from './use-store-password';
import { AgainField } from '../AgainField';

/** The customer's own certificates in the store (the chain's CA certificates are not theirs to back up). */
const ownCertificates = async (agent: AgentClient) =>
  (await agent.storeObjects()).certificates.filter((c) => !c.authority);

/**
 * PC憑證匯出: one certificate of this computer with its private key, as a PKCS#12 file protected by
 * a backup password the customer types twice. The browser saves the file; the page keeps nothing.
 */
export const PcBackup = ({ agent, computer }: { agent: AgentClient; computer: { readonly storeCreated: boolean } }) => {
  const { t } = useKioskI18n();
  const store = useStorePassword(agent, computer);
  const [certificates, setCertificates] = useState<readonly CertificateDetails[] | null>(null);
  const [chosen, setChosen] = useState<CertificateDetails | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!store.open) return;
    ownCertificates(agent)
      .then(setCertificates)
      .catch((e: unknown) => setError(toKioskError(e)));
  }, [agent, store.open]);

  const exportChosen = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const refusal = backupPasswordRefusal(password);
    if (refusal) return setError(refusal);
    setBusy(true);
    setError(null);
    agent
      .storeExport({ id: chosen.id, password })
      .then(({ pkcs12, fileName }) => {
        saveFile(base64Bytes(pkcs12), fileName, 'application/x-pkcs12');
        setSaved(fileName);
      })
      .catch((e: unknown) => setError(toKioskError(e)))
      .finally(() => {
        setPassword('');
        setAgain('');
        setBusy(false);
      });
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 900 }}>
      <Typography variant="h4">{t('kiosk.pc.home.pcBackup')}</Typography>
      <StoreUnlock store={store}>
        {certificates?.length === 0 && <Typography>{t('kiosk.pc.noCertificates')}</Typography>}
        {!chosen &&
          certificates?.map((c) => (
            <Button
              key={c.id}
              size="large"
              variant="outlined"
              data-serial={c.serialNumber}
              sx={{ justifyContent: 'flex-start', py: 2, fontSize: '1.2rem' }}
              onClick={() => setChosen(c)}
            >
              {commonNameOf(c.subject)}（{t('kiosk.result.serial')} {c.serialNumber}）
            </Button>
          ))}
        {chosen && saved && (
          <Alert severity="success" data-testid="backup-saved" sx={{ fontSize: '1.3rem' }}>
            {t('kiosk.pc.backupSaved', { file: saved })}
          </Alert>
        )}
        {chosen && !saved && (
          <Stack component="form" spacing={3} onSubmit={exportChosen}>
            <StoreCertificateCard certificate={chosen} />
            <Alert severity="info">{t('kiosk.pc.backupAdvice')}</Alert>
            <TextField
              label={t('kiosk.pc.backupPassword')}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <AgainField
              label={t('kiosk.pc.backupAgain')}
              first={password}
              value={again}
              onChange={setAgain}
              mismatchText={t('kiosk.pc.backupMismatch')}
              autoComplete="new-password"
            />
            <Stack direction="row" spacing={2}>
              <Button size="large" onClick={() => setChosen(null)}>
                {t('kiosk.back')}
              </Button>
              <Button type="submit" size="large" variant="contained" disabled={busy || !password || again !== password}>
                {t('kiosk.pc.backupStart')}
              </Button>
            </Stack>
          </Stack>
        )}
      </StoreUnlock>
      <KioskErrorNotice error={error} />
    </Stack>
  );
};
