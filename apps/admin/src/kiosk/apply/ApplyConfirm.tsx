import { Button, Stack, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';
import type { OpenedApplication } from '../kiosk-queries';

/** Step 2: what the certificates will say, for the customer to check before keys are made. */
export const ApplyConfirm = ({
  opened,
  where,
  onConfirm,
  onBack,
}: {
  opened: OpenedApplication;
  /** The token's serial, or "this computer" for the store. */
  where: string;
  onConfirm: () => void;
  onBack: () => void;
}) => {
  const { t } = useKioskI18n();
  const rows: [string, string][] = [
    [t('kiosk.apply.commonName'), opened.application.commonName],
    [t('kiosk.apply.email'), opened.application.email],
    [t('kiosk.apply.medium'), `${t(`enums.StorageMedium.${opened.application.medium}`)}（${where}）`],
  ];
  return (
    <Stack spacing={3}>
      <Table data-testid="apply-details">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell sx={{ fontSize: '1.2rem', width: '30%' }}>{label}</TableCell>
              <TableCell sx={{ fontSize: '1.4rem' }}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={2}>
        <Button size="large" onClick={onBack}>
          {t('kiosk.back')}
        </Button>
        <Button size="large" variant="contained" onClick={onConfirm}>
          {t('kiosk.apply.confirm')}
        </Button>
      </Stack>
    </Stack>
  );
};
