import { Alert, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { downloadAndInstall, type RunStage } from '../apply/apply-run';
import { ButtonPrompt } from '../apply/ButtonPrompt';
import { IssuingNotice } from '../IssuingNotice';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import type { Downloaded } from '../kiosk-queries';
import { KioskErrorNotice } from '../KioskError';
import { tokenMedium } from '../medium/token-medium';
import { ProgressPanel } from '../ProgressPanel';
import type { LiveProgress } from '../use-kiosk-session';
import { generateAndConvert, type FediInput } from './fedi-run';

type Outcome =
  | { readonly kind: 'running'; readonly stage: RunStage }
  | { readonly kind: 'issuing' }
  | { readonly kind: 'installed'; readonly certificates: Downloaded['certificates'] }
  | { readonly kind: 'failed'; readonly error: KioskError };

export interface FediResultProps {
  readonly input: FediInput;
  readonly progress: LiveProgress | null;
  readonly onInstalled: () => void;
}

/**
 * Step 4, 轉置送審結果: new keys on the iKey with live progress, the conversion to the API, then
 * download and install as after an apply (6025 → try again).
 */
export const FediResult = ({ input, progress, onInstalled }: FediResultProps) => {
  const { t } = useKioskI18n();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'running', stage: 'keys' });
  const session = useRef<string | null>(null);
  const started = useRef(false);
  const stage = useCallback((s: RunStage) => setOutcome({ kind: 'running', stage: s }), []);

  const run = useCallback(async () => {
    try {
      session.current ??= await generateAndConvert(input, stage);
      const medium = tokenMedium(input.agent, input.tokenSerial);
      const certificates = await downloadAndInstall(medium, session.current, input.locale, stage);
      setOutcome({ kind: 'installed', certificates });
      onInstalled();
    } catch (e) {
      const error = toKioskError(e);
      setOutcome(error.code === 'CA_ISSUING' ? { kind: 'issuing' } : { kind: 'failed', error });
    }
  }, [input, stage, onInstalled]);

  useEffect(() => {
    // Once per wizard, also under StrictMode's double effect: key generation must not run twice.
    if (started.current) return;
    started.current = true;
    void run();
  }, [run]);

  if (outcome.kind === 'running') {
    const live = outcome.stage === 'keys' && progress;
    if (live && live.step === 'PRESS_BUTTON') return <ButtonPrompt progress={live} />;
    return live ? (
      <ProgressPanel messageKey={`kiosk.progress.${live.step}`} />
    ) : (
      <ProgressPanel
        messageKey={outcome.stage === 'keys' ? 'kiosk.progress.GENERATING_KEY' : `kiosk.progress.${outcome.stage}`}
      />
    );
  }
  if (outcome.kind === 'issuing') return <IssuingNotice onRetry={() => void run()} />;
  if (outcome.kind === 'failed')
    return (
      <Stack spacing={3}>
        <KioskErrorNotice error={outcome.error} />
        {session.current && (
          <Button size="large" variant="contained" onClick={() => void run()}>
            {t('kiosk.result.retry')}
          </Button>
        )}
      </Stack>
    );
  return (
    <Stack spacing={2} data-testid="fedi-installed">
      <Alert severity="success" sx={{ fontSize: '1.3rem' }}>
        {t('kiosk.fedi.installed', { commonName: input.grant.commonName })}
      </Alert>
      <List>
        {outcome.certificates.map((c) => (
          <ListItem key={c.id}>
            <Typography sx={{ fontSize: '1.2rem' }}>
              {t(`kiosk.usage.${c.usage}`)} — {t('kiosk.result.serial')} {c.serialHex}
            </Typography>
          </ListItem>
        ))}
      </List>
    </Stack>
  );
};
