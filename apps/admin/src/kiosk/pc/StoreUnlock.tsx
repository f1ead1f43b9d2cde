import { Button, Stack, Typography } from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { StorePasswordFields } from './StorePasswordFields';
import type { StorePassword } from './use-store-password';

/** Asks for the store password until the store is open for this session, then shows `children`. */
export const StoreUnlock = ({ store, children }: { store: StorePassword; children: ReactNode }) => {
  const { t } = useKioskI18n();
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);
  if (store.open === null) return <Typography>{t('kiosk.busy')}</Typography>;
  if (store.open) return <>{children}</>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    store
      .unlock()
      .catch((e: unknown) => setError(toKioskError(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Stack component="form" spacing={3} onSubmit={submit} sx={{ maxWidth: 560 }}>
      <Typography variant="h6">{t('kiosk.pc.openHint')}</Typography>
      <StorePasswordFields store={store} />
      <KioskErrorNotice error={error} />
      <Button type="submit" size="large" variant="contained" disabled={busy || !store.ready}>
        {t('kiosk.pc.open')}
      </Button>
    </Stack>
  );
};
