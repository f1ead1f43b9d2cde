import type { AgentToken } from '@app/contracts';
import { Button, Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../../calendar/format-date';
import type { AgentClient } from '../agent-client';
import { PinField } from '../apply/PinField';
import { TokenStatus } from '../apply/TokenStatus';
import { useTokenPin } from '../apply/use-token-pin';
import { KioskError } from '../kiosk-error';
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
  const pin = useTokenPin(agent, { untilInserted: true });
  const [loggedIn, setLoggedIn] = useState<AgentToken | null>(null);
  const [listed, setListed] = useState<FediOnToken[] | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  const work = (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    void task()
      .catch((e: unknown) => setError(pin.failed(e)))
      .finally(() => setBusy(false));
  };

  const list = (event: FormEvent) => {
    event.preventDefault();
    work(async () => {
      try {
        const found = await pin.login();
        if (found.type !== 'IKEY') throw new KioskError('FEDI_CERTIFICATE_NONE', 'not an iKey');
        const certificates = await fediCertificatesOn(agent, found.serial, locale);
        if (!certificates.some((c) => c.problem === null)) {
          setListed(certificates.length ? certificates : null);
          throw new KioskError('FEDI_CERTIFICATE_NONE', 'nothing to convert');
        }
        setLoggedIn(found);
        setListed(certificates);
      } finally {
        pin.clear();
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
      <TokenStatus token={pin.token} insert="kiosk.fedi.insert" />
      {!loggedIn && (
        <Stack component="form" spacing={3} onSubmit={list}>
          <Typography sx={{ fontSize: '1.2rem' }}>{t('kiosk.fedi.intro')}</Typography>
          <PinField {...pin.field} />
          <Button type="submit" size="large" variant="contained" disabled={busy || !pin.token || !pin.ready}>
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
      <KioskErrorNotice error={error ?? pin.failure} />
    </Stack>
  );
};
