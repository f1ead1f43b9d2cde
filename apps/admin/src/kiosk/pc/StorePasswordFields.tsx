import { TextField, Typography } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';
import type { StorePassword } from './use-store-password';
import { AgainField } from '../AgainField';

/** The store password, twice when it is being set; nothing once the store is open. */
export const StorePasswordFields = ({ store }: { store: StorePassword }) => {
  const { t } = useKioskI18n();
  if (store.open !== false) return null;
  return (
    <>
      {store.creating && <Typography data-testid="store-first">{t('kiosk.pc.storeFirst')}</Typography>}
      <TextField
        label={t(store.creating ? 'kiosk.pc.storeNew' : 'kiosk.pc.storePassword')}
        type="password"
        autoComplete="off"
        value={store.password}
        onChange={(e) => store.setPassword(e.target.value)}
      />
      {store.creating && (
        <AgainField
          label={t('kiosk.pc.storeAgain')}
          first={store.password}
          value={store.again}
          onChange={store.setAgain}
          mismatchText={t('kiosk.pc.storeMismatch')}
        />
      )}
    </>
  );
};
