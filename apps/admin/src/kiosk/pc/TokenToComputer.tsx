import type { AgentToken, CertificateDetails } from '@app/contracts';
import { Alert, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { AgentClient } from '../agent-client';
import { TokenStatus } from '../apply/TokenStatus';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import { KioskErrorNotice } from '../KioskError';
import { useToken } from '../token/use-token';
import { commonNameOf } from './StoreCertificateCard';

interface Copied {
  readonly file: string;
  readonly certificate?: CertificateDetails;
}

/** The agent names each copy `<token serial>-<CKA_ID hex>.cer`: the id finds the certificate it holds. */
async function copyFrom(agent: AgentClient, token: AgentToken): Promise<Copied[]> {
  const { certificates } = await agent.objects({ serial: token.serial });
  const { copied } = await agent.copyToComputer({ serial: token.serial });
  return copied.map((file) => ({
    file,
    certificate: certificates.find((c) => c.id && file.endsWith(`-${c.id}.cer`)),
  }));
}

/**
 * 載具憑證匯至系統: the token's certificates (public data; the keys stay on the token) copied to
 * this computer's certificate folder, where its other programs find them.
 */
export const TokenToComputer = ({ agent }: { agent: AgentClient }) => {
  const { t } = useKioskI18n();
  // The customer may plug the token in only now.
  const { token } = useToken(agent, { untilInserted: true });
  const [copied, setCopied] = useState<readonly Copied[] | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  const copy = () => {
    if (!token) return;
    setBusy(true);
    setError(null);
    copyFrom(agent, token)
      .then(setCopied)
      .catch((e: unknown) => setError(toKioskError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 900 }}>
      <Typography variant="h4">{t('kiosk.pc.home.tokenToComputer')}</Typography>
      <TokenStatus token={token} />
      {copied === null ? (
        <>
          <Typography sx={{ fontSize: '1.2rem' }}>{t('kiosk.pc.copyExplain')}</Typography>
          <Button size="large" variant="contained" disabled={busy || !token} onClick={copy}>
            {t('kiosk.pc.copyStart')}
          </Button>
        </>
      ) : (
        <>
          <Alert severity={copied.length ? 'success' : 'info'} data-testid="copy-done" sx={{ fontSize: '1.3rem' }}>
            {t(copied.length ? 'kiosk.pc.copied' : 'kiosk.pc.copiedNone', { count: copied.length })}
          </Alert>
          <List data-testid="copied-certificates">
            {copied.map((c) => (
              <ListItem key={c.file} data-serial={c.certificate?.serialNumber}>
                <Typography sx={{ fontSize: '1.2rem' }}>
                  {c.certificate
                    ? `${commonNameOf(c.certificate.subject)}（${t('kiosk.result.serial')} ${c.certificate.serialNumber}）— ${c.file}`
                    : c.file}
                </Typography>
              </ListItem>
            ))}
          </List>
        </>
      )}
      <KioskErrorNotice error={error} />
    </Stack>
  );
};
