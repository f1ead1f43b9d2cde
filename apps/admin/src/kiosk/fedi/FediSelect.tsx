import type { AgentToken } from '@app/contracts';
import { Button, Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { formatDate } from '../../calendar/format-date';
import type { AgentClient } from '../agent-client';
import { PinField } from '../apply/PinField';
import { insertedToken, loginToken } from '../apply/token-login';
import { KioskError, toKioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import type { FediGrant } from './fedi-queries';
import { fediCertificatesOn, proveFedi, type FediOnToken } from './fedi-run';

const roc = (iso: string) => formatDate(new Date(iso), 'roc');

export interface FediSelectProps {
  readonly agent: AgentClient;
  readonly onProven: (grant: FediGrant, token: AgentToken) => void;
}

/**
 * Step 1, 選擇轉置清單: the iKey by its PIN, then the FEDI certificates on it; picking one proves it
 * with its key on the token.
 */
export const FediSelect = ({ agent, onProven }: FediSelectProps) => {
  const { t, locale } = useKioskI18n();
  const [pin, setPin] = useState('');
  const [token, setToken] = useState<AgentToken | null>(null);
  const [loggedIn, setLoggedIn] = useState<AgentToken | null>(null);
  const [listed, setListed] = useState<FediOnToken[] | null>(null);
  const [warned, setWarned] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  // Polling (not the event stream) so a token already in the reader when the page opened counts too.
  useEffect(() => {
    if (token) return;
    let live = true;
    const look = () =>
      insertedToken(agent)
        .then((found) => live && setToken(found))
        .catch((e: unknown) => live && setError(toKioskError(e)));
    void look();
    const timer = setInterval(look, 1500);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [agent, token]);

  const work = (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    void task()
      .catch(async (e: unknown) => {
        const failure = toKioskError(e);
        setError(failure.code === 'TOKEN_PIN_FINAL_TRY' ? null : failure);
        setToken(await insertedToken(agent).catch(() => null));
      })
      .finally(() => setBusy(false));
  };

  const list = (event: FormEvent) => {
    event.preventDefault();
    work(async () => {
      try {
        const found = await loginToken(agent, pin, warned);
        if (found.type !== 'IKEY') throw new KioskError('FEDI_CERTIFICATE_NONE', 'not an iKey');
        const certificates = await fediCertificatesOn(agent, found.serial, locale);
        if (!certificates.some((c) => c.problem === null)) {
          setListed(certificates.length ? certificates : null);
          throw new KioskError('FEDI_CERTIFICATE_NONE', 'nothing to convert');
        }
        setLoggedIn(found);
        setListed(certificates);
      } finally {
        setPin('');
      }
    });
  };

  const choose = (certificate: FediOnToken) =>
    work(async () => {
      if (!loggedIn) return;
      onProven(await proveFedi(agent, loggedIn.serial, certificate, locale), loggedIn);
    });

  return (
    <Stack spacing={3} sx={{ maxWidth: 720 }}>
      <Typography variant="h5" data-testid="token-status">
        {token ? t('kiosk.token.serial', { serial: token.serial }) : t('kiosk.fedi.insert')}
      </Typography>
      {!loggedIn && (
        <Stack component="form" spacing={3} onSubmit={list}>
          <Typography sx={{ fontSize: '1.2rem' }}>{t('kiosk.fedi.intro')}</Typography>
          <PinField
            value={pin}
            onChange={setPin}
            token={token}
            finalTry={!!token?.pin.finalTry && !warned}
            onAcceptFinalTry={() => setWarned(true)}
          />
          <Button
            type="submit"
            size="large"
            variant="contained"
            disabled={busy || !token || !pin || (!!token?.pin.finalTry && !warned)}
          >
            {t('kiosk.fedi.list')}
          </Button>
        </Stack>
      )}
      {listed?.map((c) => (
        <Card key={c.serialHex} variant="outlined" data-testid="fedi-certificate">
          <CardContent>
            <Typography sx={{ fontSize: '1.4rem' }}>{c.commonName}</Typography>
            <Typography>{t('kiosk.fedi.serial', { serial: c.serialHex })}</Typography>
            <Typography>{t('kiosk.fedi.expires', { date: roc(c.notAfter) })}</Typography>
            {c.problem && (
              <Typography color="error">
                {t(`errors.${c.problem}`, { notBefore: roc(c.notBefore), notAfter: roc(c.notAfter) })}
              </Typography>
            )}
          </CardContent>
          {loggedIn && c.problem === null && (
            <CardActions>
              <Button size="large" variant="contained" disabled={busy} onClick={() => choose(c)}>
                {t('kiosk.fedi.choose')}
              </Button>
            </CardActions>
          )}
        </Card>
      ))}
      {busy && loggedIn && <Typography>{t('kiosk.fedi.proving')}</Typography>}
      <KioskErrorNotice error={error} />
    </Stack>
  );
};
