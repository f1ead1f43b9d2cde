import { Button, Stack, Typography } from '@mui/material';
import { HelpEntries, type HelpView } from './help/HelpEntries';
import { useKioskI18n } from './kiosk-i18n';

export type KioskFunction = HelpView | 'apply' | 'download' | 'certificates' | 'pin' | 'cleanup' | 'fedi' | PcFunction;

/**
 * The PC medium, offered by a personal-mode agent only: a shared kiosk keeps nothing of the
 * customer, so keys, backups and copies made there would be gone when the session ends.
 */
export type PcFunction = 'pcApply' | 'pcDownload' | 'pcCertificates' | 'pcBackup' | 'pcRestore' | 'tokenToComputer';

const PC_FUNCTIONS: readonly PcFunction[] = [
  'pcApply',
  'pcDownload',
  'pcCertificates',
  'pcBackup',
  'pcRestore',
  'tokenToComputer',
];

const FUNCTIONS: readonly KioskFunction[] = ['apply', 'download', 'certificates', 'pin', 'cleanup'];

/** The customer's menu of kiosk functions, as large touch targets. */
export const CustomerHome = ({ onChoose, computer }: { onChoose: (f: KioskFunction) => void; computer?: boolean }) => {
  const { t } = useKioskI18n();
  return (
    <Stack spacing={3} sx={{ maxWidth: 640 }}>
      <Typography variant="h4">{t('kiosk.home.title')}</Typography>
      {FUNCTIONS.map((f) => (
        <Button key={f} size="large" variant="contained" sx={{ py: 3, fontSize: '1.5rem' }} onClick={() => onChoose(f)}>
          {t(`kiosk.home.${f}`)}
        </Button>
      ))}
      <Button size="large" variant="contained" sx={{ py: 3, fontSize: '1.5rem' }} onClick={() => onChoose('fedi')}>
        {t('kiosk.fedi.menu')}
      </Button>
      {computer && (
        <Stack spacing={3} data-testid="pc-functions">
          <Typography variant="h5">{t('kiosk.pc.home.title')}</Typography>
          {PC_FUNCTIONS.map((f) => (
            <Button
              key={f}
              size="large"
              variant="outlined"
              sx={{ py: 3, fontSize: '1.5rem' }}
              onClick={() => onChoose(f)}
            >
              {t(`kiosk.pc.home.${f}`)}
            </Button>
          ))}
        </Stack>
      )}
      <HelpEntries onOpen={onChoose} />
    </Stack>
  );
};
