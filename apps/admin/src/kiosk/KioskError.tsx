import { Alert, AlertTitle } from '@mui/material';
import { ERROR_CODES, type ErrorCode } from '@app/contracts';
import { manualCodeOf } from '../i18n/error-messages';
import { FaqLink } from './help/FaqLink';
import type { KioskError as KioskErrorValue } from './kiosk-error';
import { useKioskI18n } from './kiosk-i18n';

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

/**
 * A refusal as the customer reads it: the translated message, what to do about it where the error
 * list has a remedy, and 說明 / What to do, which opens the kiosk's own FAQ at this code over the
 * current step (the console's FAQ needs a staff sign-in the customer does not have).
 */
export const KioskErrorNotice = ({ error }: { error: KioskErrorValue | null }) => {
  const { t } = useKioskI18n();
  if (!error) return null;
  const message = error.code ? t(`errors.${error.code}`, { ...error.params, _: error.message }) : error.message;
  const remedy = error.code ? t(`remedies.${error.code}`, { _: '' }) : '';
  // The old platform's message number, which the bank's help desk still asks for.
  const manual = error.code && isErrorCode(error.code) ? manualCodeOf(error.code) : undefined;
  return (
    <Alert
      severity="error"
      data-code={error.code ?? undefined}
      sx={{ fontSize: '1.25rem', my: 2, alignItems: 'flex-start' }}
      action={<FaqLink code={error.code} />}
    >
      <AlertTitle sx={{ fontSize: '1.3rem' }}>
        {message}
        {manual && ` (${manual})`}
      </AlertTitle>
      {remedy}
    </Alert>
  );
};
