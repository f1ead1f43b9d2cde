import { Alert, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import type { LiveProgress } from '../use-kiosk-session';
import type { Downloaded } from '../kiosk-queries';
import { IssuingNotice } from '../IssuingNotice';
import { KioskErrorNotice } from '../KioskError';
import { ProgressPanel } from '../ProgressPanel';
import { ButtonPrompt } from './ButtonPrompt';
import { downloadAndInstall, generateAndSubmit, type ApplyInput, type RunStage } from './apply-run';

type Outcome =
  | { readonly kind: 'running'; readonly stage: RunStage }
  | { readonly kind: 'issuing' }
  | { readonly kind: 'installed'; readonly certificates: Downloaded['certificates'] }
  | { readonly kind: 'failed'; readonly error: KioskError };

export interface ApplyResultProps {
  readonly input: ApplyInput;
  readonly progress: LiveProgress | null;
  readonly onInstalled: () => void;
}

/** Step 4: keys, apply, download, install — with live progress, 6025 as "try again", the result. */
export const ApplyResult = ({ input, progress, onInstalled }: ApplyResultProps) => {
  const { t } = useKioskI18n();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'running', stage: 'keys' });
  const session = useRef<string | null>(null);
  const started = useRef(false);
  const stage = useCallback((s: RunStage) => setOutcome({ kind: 'running', stage: s }), []);

  const run = useCallback(async () => {
    try {
      session.current ??= await generateAndSubmit(input, stage);
      const certificates = await downloadAndInstall(input.medium, session.current, input.locale, stage);
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
    // The computer's store works in software: no button, and its own words for where keys go.
    if (input.medium.kind === 'store') return <ProgressPanel messageKey={`kiosk.pc.progress.${outcome.stage}`} />;
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
    <Stack spacing={2} data-testid="apply-installed">
      <Alert severity="success" sx={{ fontSize: '1.3rem' }}>
        {t(input.medium.kind === 'store' ? 'kiosk.pc.installed' : 'kiosk.result.installed')}
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
