import { Button, Stack } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';

export type HelpView = 'environment' | 'faq';

/** The two ways into help, as touch-sized buttons: the first screen and the customer menu show them. */
export const HelpEntries = ({ onOpen }: { onOpen: (view: HelpView) => void }) => {
  const { t } = useKioskI18n();
  return (
    <Stack direction="row" spacing={2} data-testid="help-entries" sx={{ flexWrap: 'wrap', rowGap: 2 }}>
      <Button size="large" variant="outlined" sx={{ py: 2 }} onClick={() => onOpen('environment')}>
        {t('kiosk.help.openCheck')}
      </Button>
      <Button size="large" variant="outlined" sx={{ py: 2 }} onClick={() => onOpen('faq')}>
        {t('kiosk.help.openFaq')}
      </Button>
    </Stack>
  );
};
