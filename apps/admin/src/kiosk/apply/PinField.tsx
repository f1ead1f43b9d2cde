import { Alert, Button, TextField } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';

export interface PinFieldProps {
  readonly value: string;
  readonly onChange: (pin: string) => void;
  /** The token is on its last try: the customer must agree before it is spent. */
  readonly finalTry: boolean;
  readonly onAcceptFinalTry: () => void;
  readonly label?: string;
}

/** A token PIN, with the warning before the try that would lock the token. */
export const PinField = ({ value, onChange, finalTry, onAcceptFinalTry, label }: PinFieldProps) => {
  const { t } = useKioskI18n();
  return (
    <>
      <TextField
        label={label ?? t('kiosk.token.pin')}
        type="password"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
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
