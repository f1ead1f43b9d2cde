import type { AgentToken } from '@app/contracts';
import { Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import type { AgentClient } from '../agent-client';
import { TermsStep } from '../apply/TermsStep';
import { useKioskI18n } from '../kiosk-i18n';
import type { LiveProgress } from '../use-kiosk-session';
import type { WizardStep } from '../WizardSteps';
import { FediConfirm } from './FediConfirm';
import type { FediGrant } from './fedi-queries';
import { FediResult } from './FediResult';
import { FediSelect } from './FediSelect';
import { FediSteps } from './FediSteps';

/** FEDI憑證線上轉置 on an iKey: 選擇轉置清單 → 確認轉置資訊 → 轉置約定條款 → 轉置送審結果. */
export const FediWizard = ({ agent, progress }: { agent: AgentClient; progress: LiveProgress | null }) => {
  const { t, locale } = useKioskI18n();
  const [step, setStep] = useState<WizardStep>('select');
  const [grant, setGrant] = useState<FediGrant | null>(null);
  const [token, setToken] = useState<AgentToken | null>(null);
  const [email, setEmail] = useState('');
  const [termsVersion, setTermsVersion] = useState('');
  const [requestId] = useState(() => crypto.randomUUID());
  const [finished, setFinished] = useState(false);
  const onInstalled = useCallback(() => setFinished(true), []);

  return (
    <>
      <Typography variant="h4">{t('kiosk.fedi.title')}</Typography>
      <FediSteps active={step} finished={finished} />
      {step === 'select' && (
        <FediSelect
          agent={agent}
          onProven={(proven, loggedIn) => {
            setGrant(proven);
            setToken(loggedIn);
            setEmail((typed) => typed || proven.email || '');
            setStep('confirm');
          }}
        />
      )}
      {step === 'confirm' && grant && token && (
        <FediConfirm
          commonName={grant.commonName}
          email={email}
          tokenSerial={token.serial}
          onBack={() => setStep('select')}
          onConfirm={(confirmed) => {
            setEmail(confirmed);
            setStep('terms');
          }}
        />
      )}
      {step === 'terms' && (
        <TermsStep
          onBack={() => setStep('confirm')}
          onAccept={(version) => {
            setTermsVersion(version);
            setStep('result');
          }}
        />
      )}
      {step === 'result' && grant && token && (
        <FediResult
          input={{ agent, tokenSerial: token.serial, grant, email, termsVersion, requestId, locale }}
          progress={progress}
          onInstalled={onInstalled}
        />
      )}
    </>
  );
};
