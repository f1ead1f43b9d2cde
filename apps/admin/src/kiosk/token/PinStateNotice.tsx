import type { AgentToken } from '@app/contracts';
import { Alert, Typography } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';

/**
 * How many tries the token has left, as far as PKCS#11 says: tokens report "some wrong tries",
 * "final try" and "locked", never a number.
 */
export const PinStateNotice = ({ token }: { token: AgentToken | null }) => {
  const { t } = useKioskI18n();
  if (!token) return <Typography variant="h5">{t('kiosk.token.insert')}</Typography>;
  const { pin } = token;
  const state = pin.locked ? 'locked' : pin.finalTry ? 'finalTry' : pin.countLow ? 'countLow' : 'ok';
  return (
    <Alert
      severity={state === 'ok' ? 'info' : state === 'countLow' ? 'warning' : 'error'}
      data-testid="pin-state"
      data-state={state}
    >
      {t('kiosk.token.serial', { serial: token.serial })} — {t(`kiosk.pin.state.${state}`)}
    </Alert>
  );
};
