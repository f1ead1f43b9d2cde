import { Typography } from '@mui/material';
import { PinField } from '../apply/PinField';
import { useKioskI18n } from '../kiosk-i18n';
import { StorePasswordFields } from '../pc/StorePasswordFields';
import type { MediumUnlock } from './use-medium-unlock';

/**
 * What opens the medium: the store password(s), or the token's PIN with its warnings. With
 * `proving`, a line above says the medium proves who the customer is.
 */
export const MediumUnlockFields = ({ unlock, proving = false }: { unlock: MediumUnlock; proving?: boolean }) => {
  const { t } = useKioskI18n();
  return (
    <>
      {proving && (
        <Typography variant="h6">
          {t(unlock.computer ? 'kiosk.pc.proveHint' : 'kiosk.certificates.proveHint')}
        </Typography>
      )}
      {unlock.computer ? <StorePasswordFields store={unlock.store} /> : <PinField {...unlock.pin.field} />}
    </>
  );
};
