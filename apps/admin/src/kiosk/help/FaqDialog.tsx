import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { ErrorCode } from '@app/contracts';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskFaq } from './KioskFaq';

/** The kiosk FAQ over whatever screen opened it, scrolled to the answer of `target`. */
export const FaqDialog = ({ target, onClose }: { target: ErrorCode | null; onClose: () => void }) => {
  const { t } = useKioskI18n();
  return (
    <Dialog open fullWidth maxWidth="lg" scroll="paper" onClose={onClose} data-testid="faq-dialog">
      <DialogTitle sx={{ fontSize: '1.75rem' }}>{t('kiosk.help.faqPage.title')}</DialogTitle>
      <DialogContent dividers>
        <KioskFaq target={target} />
      </DialogContent>
      <DialogActions sx={{ p: 2 }}>
        <Button size="large" variant="contained" onClick={onClose}>
          {t('kiosk.help.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
