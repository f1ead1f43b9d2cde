import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { clearSession, readSession } from '../auth/session';
import { toKioskError, type KioskError } from './kiosk-error';
import { kioskGraphql } from './kiosk-graphql';
import { useKioskI18n } from './kiosk-i18n';
import { KIOSKS, PAIR, SIGN_IN, type KioskOption, type Pairing } from './kiosk-queries';
import { KioskErrorNotice } from './KioskError';

/**
 * A teller (or supervisor) of the branch signs in and picks this kiosk; pairing hands the page a
 * token for the agent, and the staff token is dropped at that moment (memory and sessionStorage).
 */
export const StaffStep = ({ onPaired }: { onPaired: (pairing: Pairing) => Promise<void> }) => {
  const { t, locale } = useKioskI18n();
  const [staffToken, setStaffToken] = useState<string | null>(() => readSession()?.accessToken ?? null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [kiosks, setKiosks] = useState<readonly KioskOption[]>([]);
  const [kioskCode, setKioskCode] = useState('');
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!staffToken) return;
    kioskGraphql<{ kiosks: KioskOption[] }>(KIOSKS, {}, { staffToken }, locale)
      .then(({ kiosks }) => {
        const usable = kiosks.filter((k) => k.active);
        setKiosks(usable);
        setKioskCode((code) => code || (usable[0]?.code ?? ''));
      })
      .catch((e: unknown) => setError(toKioskError(e)));
  }, [staffToken, locale]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toKioskError(e));
    } finally {
      setBusy(false);
    }
  };

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { signIn } = await kioskGraphql<{ signIn: { accessToken: string } }>(
        SIGN_IN,
        { input: { username, password } },
        {},
        locale,
      );
      setPassword('');
      setStaffToken(signIn.accessToken);
    });
  };

  const pair = (event: FormEvent) => {
    event.preventDefault();
    if (!staffToken) return;
    void run(async () => {
      const { pairKioskAgent } = await kioskGraphql<{ pairKioskAgent: Pairing }>(
        PAIR,
        { kioskCode },
        { staffToken },
        locale,
      );
      clearSession();
      setStaffToken(null);
      await onPaired(pairKioskAgent);
    });
  };

  return (
    <Stack component="form" spacing={3} onSubmit={staffToken ? pair : signIn} sx={{ maxWidth: 560 }}>
      <Typography variant="h4">{t('kiosk.staff.title')}</Typography>
      {staffToken ? (
        <TextField
          select
          label={t('kiosk.staff.kiosk')}
          value={kioskCode}
          onChange={(e) => setKioskCode(e.target.value)}
        >
          {kiosks.map((k) => (
            <MenuItem key={k.code} value={k.code}>
              {k.code} {k.name}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <>
          <TextField label={t('kiosk.staff.username')} value={username} onChange={(e) => setUsername(e.target.value)} />
          <TextField
            label={t('kiosk.staff.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </>
      )}
      <KioskErrorNotice error={error} />
      <Button type="submit" size="large" variant="contained" disabled={busy || (!!staffToken && !kioskCode)}>
        {t(staffToken ? 'kiosk.staff.start' : 'kiosk.staff.signIn')}
      </Button>
    </Stack>
  );
};
