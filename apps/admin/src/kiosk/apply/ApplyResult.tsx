import { Alert, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import type { LiveProgress } from '../use-kiosk-session';
import type { Downloaded } from '../kiosk-queries';
import type { Medium } from '../medium/medium';
import { IssuingNotice } from '../IssuingNotice';
import { KioskErrorNotice } from '../KioskError';
import { ProgressPanel } from '../ProgressPanel';
import { ButtonPrompt } from './ButtonPrompt';
import { downloadAndInstall, type RunStage } from './apply-run';

type Outcome =
  | { readonly kind: 'running'; readonly stage: RunStage }
  | { readonly kind: 'issuing' }
  | { readonly kind: 'installed'; readonly certificates: Downloaded['certificates'] }
  | { readonly kind: 'failed'; readonly error: KioskError };

export interface ApplyResultProps {
  /** Where the keys are made and the certificates go. */
  readonly medium: Medium;
  /**
   * Makes both key pairs and sends their CSRs to the API (an apply, or a FEDI conversion); returns
   * the enrolment session. Called once: a retry after 6025 or a failed download reuses its session.
   */
  readonly submit: (stage: (s: RunStage) => void) => Promise<string>;
  /** What the customer reads above the installed certificates. */
  readonly installed: string;
  readonly testId: string;
  readonly progress: LiveProgress | null;
  readonly onInstalled: () => void;
}

/** Step 4: keys, apply, download, install — with live progress, 6025 as "try again", the result. */
export const ApplyResult = ({ medium, submit, installed, testId, progress, onInstalled }: ApplyResultProps) => {
  const { t, locale } = useKioskI18n();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'running', stage: 'keys' });
  const session = useRef<string | null>(null);
  const started = useRef(false);
  const stage = useCallback((s: RunStage) => setOutcome({ kind: 'running', stage: s }), []);

  const run = useCallback(async () => {
    try {
      session.current ??= await submit(stage);
      const certificates = await downloadAndInstall(medium, session.current, locale, stage);
      setOutcome({ kind: 'installed', certificates });
      onInstalled();
    } catch (e) {
      const error = toKioskError(e);
      setOutcome(error.code === 'CA_ISSUING' ? { kind: 'issuing' } : { kind: 'failed', error });
    }
  }, [submit, medium, locale, stage, onInstalled]);

  useEffect(() => {
    // Once per wizard, also under StrictMode's double effect: key generation must not run twice.
    if (started.current) return;
    started.current = true;
    void run();
  }, [run]);

  if (outcome.kind === 'running') {
    // The computer's store works in software: no button, and its own words for where keys go.
    if (medium.kind === 'store') return <ProgressPanel messageKey={`kiosk.pc.progress.${outcome.stage}`} />;
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
    <Stack spacing={2} data-testid={testId}>
      <Alert severity="success" sx={{ fontSize: '1.3rem' }}>
        {installed}
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
