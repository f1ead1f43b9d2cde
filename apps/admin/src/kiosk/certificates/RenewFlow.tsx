import { Alert, Button, Stack, Typography } from '@mui/material';
import { useCallback, useRef, useState } from 'react';
import type { AgentClient } from '../agent-client';
import type { Medium } from '../medium/medium';
import { downloadAndInstall, type RunStage } from '../apply/apply-run';
import { ButtonPrompt } from '../apply/ButtonPrompt';
import { toKioskError, type KioskError } from '../kiosk-error';
import { useKioskI18n } from '../kiosk-i18n';
import type { MyCertificate, Renewed } from '../kiosk-queries';
import { IssuingNotice } from '../IssuingNotice';
import { KioskErrorNotice } from '../KioskError';
import { ProgressPanel } from '../ProgressPanel';
import type { LiveProgress } from '../use-kiosk-session';
import { renewOnMedium } from './renew-run';
import { TokenRoomNotice } from './TokenRoomNotice';

type State =
  | { readonly kind: 'confirm' }
  | { readonly kind: 'running'; readonly stage: RunStage }
  | { readonly kind: 'issuing' }
  | { readonly kind: 'installed' }
  | { readonly kind: 'failed'; readonly error: KioskError };

export interface RenewFlowProps {
  readonly agent: AgentClient;
  /** Where the old keys are and the new ones go: the token in the reader or this computer's store. */
  readonly medium: Medium;
  readonly certificate: MyCertificate;
  readonly session: string;
  readonly progress: LiveProgress | null;
  readonly onClose: () => void;
}

/** 憑證更新 of one signing certificate and its encryption partner, on the same medium. */
export const RenewFlow = ({ agent, medium, certificate, session, progress, onClose }: RenewFlowProps) => {
  const { t, locale } = useKioskI18n();
  const [state, setState] = useState<State>({ kind: 'confirm' });
  const [room, setRoom] = useState<Renewed['tokenRoom']>(null);
  const [fits, setFits] = useState(true);
  const renewed = useRef(false);
  const [requestId] = useState(() => crypto.randomUUID());
  const stage = useCallback((s: RunStage) => setState({ kind: 'running', stage: s }), []);

  const run = async () => {
    try {
      if (!renewed.current) {
        const result = await renewOnMedium({ medium, certificate, session, requestId, locale }, () => stage('keys'));
        renewed.current = true;
        setRoom(result.tokenRoom);
      }
      await downloadAndInstall(medium, session, locale, stage);
      setState({ kind: 'installed' });
    } catch (e) {
      const error = toKioskError(e);
      setState(error.code === 'CA_ISSUING' ? { kind: 'issuing' } : { kind: 'failed', error });
    }
  };

  const full = room && room.live + room.ended > room.capacity;
  return (
    <Stack spacing={3} data-testid="renew-flow">
      <Typography variant="h5">{t('kiosk.renew.title', { serial: certificate.serialHex })}</Typography>
      {full && <Alert severity="warning">{t('kiosk.renew.tokenFull', { ...room })}</Alert>}
      {state.kind === 'confirm' && (
        <>
          <Typography sx={{ fontSize: '1.3rem' }}>
            {t(medium.kind === 'store' ? 'kiosk.pc.renewExplain' : 'kiosk.renew.explain', {
              cn: certificate.commonName,
            })}
          </Typography>
          {medium.tokenSerial && <TokenRoomNotice agent={agent} tokenSerial={medium.tokenSerial} onFits={setFits} />}
          <Stack direction="row" spacing={2}>
            <Button size="large" onClick={onClose}>
              {t('kiosk.certificates.cancel')}
            </Button>
            <Button size="large" variant="contained" disabled={!fits} onClick={() => void run()}>
              {t('kiosk.renew.start')}
            </Button>
          </Stack>
        </>
      )}
      {state.kind === 'running' &&
        (state.stage === 'keys' && progress?.step === 'PRESS_BUTTON' ? (
          <ButtonPrompt progress={progress} />
        ) : (
          <ProgressPanel
            messageKey={
              medium.kind === 'store'
                ? `kiosk.pc.progress.${state.stage}`
                : state.stage === 'keys'
                  ? 'kiosk.progress.GENERATING_KEY'
                  : `kiosk.progress.${state.stage}`
            }
          />
        ))}
      {state.kind === 'issuing' && <IssuingNotice onRetry={() => void run()} />}
      {state.kind === 'failed' && <KioskErrorNotice error={state.error} />}
      {state.kind === 'installed' && (
        <Alert severity="success" data-testid="renew-installed" sx={{ fontSize: '1.3rem' }}>
          {t(medium.kind === 'store' ? 'kiosk.pc.renewDone' : 'kiosk.renew.done')}
        </Alert>
      )}
      {(state.kind === 'installed' || state.kind === 'failed') && (
        <Button size="large" sx={{ alignSelf: 'flex-start' }} onClick={onClose}>
          {t('kiosk.renew.back')}
        </Button>
      )}
    </Stack>
  );
};
