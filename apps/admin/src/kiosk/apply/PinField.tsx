import type { AgentToken } from '@app/contracts';
import { Alert, Button, TextField } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';

export interface PinFieldProps {
  readonly value: string;
  readonly onChange: (pin: string) => void;
  /** The token is on its last try: the customer must agree before it is spent. */
  readonly finalTry: boolean;
  readonly onAcceptFinalTry: () => void;
  readonly label?: string;
  /**
   * The token in the reader, where the screen shows no PIN state of its own: after a wrong PIN the
   * customer sees how it stands (some wrong tries, final try, locked).
   */
  readonly token?: AgentToken | null;
}

/** A token PIN, with the warning before the try that would lock the token. */
export const PinField = ({ value, onChange, finalTry, onAcceptFinalTry, label, token }: PinFieldProps) => {
  const { t } = useKioskI18n();
  const pin = token?.pin;
  const state = pin?.locked ? 'locked' : pin?.finalTry ? 'finalTry' : pin?.countLow ? 'countLow' : null;
  return (
    <>
      <TextField
        label={label ?? t('kiosk.token.pin')}
        type="password"
        autoComplete="off"
        value={value}
        disabled={!!pin?.locked}
        onChange={(e) => onChange(e.target.value)}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      {state && (
        <Alert severity={state === 'countLow' ? 'warning' : 'error'} data-testid="pin-field-state" data-state={state}>
          {t(`kiosk.pin.state.${state}`)}
        </Alert>
      )}
      {finalTry && (
        <Alert
          severity="warning"
          data-testid="pin-final-try"
          action={<Button onClick={onAcceptFinalTry}>{t('kiosk.token.finalTryGo')}</Button>}
        >
          {t('kiosk.token.finalTry')}
        </Alert>
      )}
    </>
  );
};
