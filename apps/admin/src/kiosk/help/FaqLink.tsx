import { Button } from '@mui/material';
import { useState } from 'react';
import { useKioskI18n } from '../kiosk-i18n';
import { FaqDialog } from './FaqDialog';
import { faqTargetOf } from './faq-entries';

/**
 * 說明 / What to do: the FAQ answer of `code` over the current screen. A dialog rather than a
 * route, so the customer's session and the wizard behind it stay exactly as they were.
 */
export const FaqLink = ({ code }: { code: string | null | undefined }) => {
  const { t } = useKioskI18n();
  const [open, setOpen] = useState(false);
  const target = faqTargetOf(code);
  return (
    <>
      <Button
        variant="outlined"
        color="inherit"
        size="large"
        data-testid="faq-link"
        data-target={target ?? ''}
        onClick={() => setOpen(true)}
        sx={{ whiteSpace: 'nowrap' }}
      >
        {t('kiosk.help.whatToDo')}
      </Button>
      {open && <FaqDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
};
