import { Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AgentClient } from '../agent-client';
import { toKioskError, type KioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import { useKioskI18n } from '../kiosk-i18n';
import { OPEN_APPLICATION, type OpenedApplication } from '../kiosk-queries';
import { KioskErrorNotice } from '../KioskError';
import { mediumRefusal } from '../medium/application-medium';
import type { Medium } from '../medium/medium';
import { storeMedium } from '../medium/store-medium';
import { StorePasswordFields } from './StorePasswordFields';
import { useStorePassword } from './use-store-password';

export interface PcApplySelectProps {
  readonly agent: AgentClient;
  readonly computer: { readonly storeCreated: boolean };
  readonly onOpened: (opened: OpenedApplication, medium: Medium) => void;
}

/** Step 1 on this computer: the application by ID number and password, then the store's password. */
export const PcApplySelect = ({ agent, computer, onOpened }: PcApplySelectProps) => {
  const { t, locale } = useKioskI18n();
  const store = useStorePassword(agent, computer);
  const [idNumber, setIdNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        // The store first: a mistyped store password must not spend a try of the application password.
        await store.unlock();
        const { openApplication } = await kioskGraphql<{ openApplication: OpenedApplication }>(
          OPEN_APPLICATION,
          { input: { idNumber: idNumber.trim().toUpperCase(), password: password.replace(/\s+/g, '') } },
          {},
          locale,
        );
        const refusal = mediumRefusal(openApplication, 'store', (m) => t(`enums.StorageMedium.${m}`));
        if (refusal) throw refusal;
        onOpened(openApplication, storeMedium(agent));
      } catch (e) {
        setError(toKioskError(e));
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    <Stack component="form" spacing={3} onSubmit={submit} sx={{ maxWidth: 640 }}>
      <TextField label={t('kiosk.apply.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} />
      <TextField
        label={t('kiosk.apply.password')}
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <StorePasswordFields store={store} />
      <KioskErrorNotice error={error} />
      <Button type="submit" size="large" variant="contained" disabled={busy || !idNumber || !password || !store.ready}>
        {t('kiosk.next')}
      </Button>
    </Stack>
  );
};
