import { Button, Stack, Typography } from '@mui/material';
import { HelpEntries, type HelpView } from './help/HelpEntries';
import { useKioskI18n } from './kiosk-i18n';

export type KioskFunction = HelpView | 'apply' | 'download' | 'certificates' | 'pin' | 'cleanup';

const FUNCTIONS: readonly KioskFunction[] = ['apply', 'download', 'certificates', 'pin', 'cleanup'];

/** The customer's menu of kiosk functions, as large touch targets. */
export const CustomerHome = ({ onChoose }: { onChoose: (f: KioskFunction) => void }) => {
  const { t } = useKioskI18n();
  return (
    <Stack spacing={3} sx={{ maxWidth: 640 }}>
      <Typography variant="h4">{t('kiosk.home.title')}</Typography>
      {FUNCTIONS.map((f) => (
        <Button key={f} size="large" variant="contained" sx={{ py: 3, fontSize: '1.5rem' }} onClick={() => onChoose(f)}>
          {t(`kiosk.home.${f}`)}
        </Button>
      ))}
      <HelpEntries onOpen={onChoose} />
    </Stack>
  );
};
