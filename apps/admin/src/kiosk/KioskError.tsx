import { Alert, AlertTitle } from '@mui/material';
import { ERROR_CODES, type ErrorCode } from '@app/contracts';
import { manualCodeOf } from '../i18n/error-messages';
import type { KioskError as KioskErrorValue } from './kiosk-error';
import { useKioskI18n } from './kiosk-i18n';

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

/**
 * A refusal as the customer reads it: the translated message and, where the error list has one,
 * what to do about it — shown inline, since the console's FAQ needs a staff sign-in.
 */
export const KioskErrorNotice = ({ error }: { error: KioskErrorValue | null }) => {
  const { t } = useKioskI18n();
  if (!error) return null;
  const message = error.code ? t(`errors.${error.code}`, { ...error.params, _: error.message }) : error.message;
  const remedy = error.code ? t(`remedies.${error.code}`, { _: '' }) : '';
  // The old platform's message number, which the bank's help desk still asks for.
  const manual = error.code && isErrorCode(error.code) ? manualCodeOf(error.code) : undefined;
  return (
    <Alert severity="error" data-code={error.code ?? undefined} sx={{ fontSize: '1.25rem', my: 2 }}>
      <AlertTitle sx={{ fontSize: '1.3rem' }}>
        {message}
        {manual && ` (${manual})`}
      </AlertTitle>
      {remedy}
    </Alert>
  );
};
