import type { AgentToken } from '@app/contracts';
import { Typography } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';

/** The token's serial once it is in the reader; until then what to put in (`insert`, a catalogue key). */
export const TokenStatus = ({
  token,
  insert = 'kiosk.token.insert',
}: {
  token: AgentToken | null;
  insert?: string;
}) => {
  const { t } = useKioskI18n();
  return (
    <Typography variant="h5" data-testid="token-status">
      {token ? t('kiosk.token.serial', { serial: token.serial }) : t(insert)}
    </Typography>
  );
};
