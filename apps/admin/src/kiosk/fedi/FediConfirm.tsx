import { Button, Stack, Table, TableBody, TableCell, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { useKioskI18n } from '../kiosk-i18n';

/** What the API takes as an address (class-validator's IsEmail says the last word). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface FediConfirmProps {
  readonly commonName: string;
  readonly email: string;
  readonly tokenSerial: string;
  readonly onBack: () => void;
  readonly onConfirm: (email: string) => void;
}

/** Step 2, 確認轉置資訊: the new CN, the e-mail for expiry notices (editable), the iKey. */
export const FediConfirm = ({ commonName, email, tokenSerial, onBack, onConfirm }: FediConfirmProps) => {
  const { t } = useKioskI18n();
  const [address, setAddress] = useState(email);
  const [touched, setTouched] = useState(false);
  const valid = EMAIL.test(address.trim());
  const rows: [string, string][] = [
    [t('kiosk.fedi.commonName'), commonName],
    [t('kiosk.apply.medium'), `${t('enums.StorageMedium.IKEY')}（${tokenSerial}）`],
  ];
  return (
    <Stack spacing={3} sx={{ maxWidth: 720 }}>
      <Table data-testid="fedi-details">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell sx={{ fontSize: '1.2rem', width: '35%' }}>{label}</TableCell>
              <TableCell sx={{ fontSize: '1.4rem' }}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TextField
        label={t('kiosk.fedi.email')}
        type="email"
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        onBlur={() => setTouched(true)}
        error={touched && !valid}
        helperText={touched && !valid ? t('errors.EMAIL_INVALID') : t('kiosk.fedi.emailHint')}
        slotProps={{ htmlInput: { style: { fontSize: '1.4rem' } } }}
      />
      <Stack direction="row" spacing={2}>
        <Button size="large" onClick={onBack}>
          {t('kiosk.back')}
        </Button>
        <Button size="large" variant="contained" disabled={!valid} onClick={() => onConfirm(address.trim())}>
          {t('kiosk.fedi.confirm')}
        </Button>
      </Stack>
    </Stack>
  );
};
