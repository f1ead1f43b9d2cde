import { faqPath } from '@app/contracts';
import { Alert } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { hasFaqEntry } from '../i18n/error-messages';

export interface ApiErrorNoticeProps {
  code: string | null;
  message: string;
}

/** An error notification: the message and, when the FAQ answers the code, a link to the answer. */
export const ApiErrorNotice = ({ code, message }: ApiErrorNoticeProps) => {
  const translate = useTranslate();
  const faq = code && hasFaqEntry(code) ? faqPath(code) : null;
  return (
    <Alert
      severity="error"
      variant="filled"
      data-code={code ?? undefined}
      action={
        faq && (
          <Link to={faq} color="inherit" underline="always" sx={{ alignSelf: 'center', whiteSpace: 'nowrap' }}>
            {translate('faq.link')}
          </Link>
        )
      }
    >
      {message}
    </Alert>
  );
};
