import type { AgentToken } from '@app/contracts';
import { Typography } from '@mui/material';
import { useState } from 'react';
import type { AgentClient } from '../agent-client';
import { useKioskI18n } from '../kiosk-i18n';
import type { LiveProgress } from '../use-kiosk-session';
import type { OpenedApplication } from '../kiosk-queries';
import { WizardSteps, type WizardStep } from '../WizardSteps';
import { ApplyConfirm } from './ApplyConfirm';
import { ApplyResult } from './ApplyResult';
import { ApplySelect } from './ApplySelect';
import { TermsStep } from './TermsStep';

/** 申請憑證 on an iKey or ezSign: select → confirm → terms → result. */
export const ApplyWizard = ({ agent, progress }: { agent: AgentClient; progress: LiveProgress | null }) => {
  const { t, locale } = useKioskI18n();
  const [step, setStep] = useState<WizardStep>('select');
  const [opened, setOpened] = useState<OpenedApplication | null>(null);
  const [token, setToken] = useState<AgentToken | null>(null);
  const [termsVersion, setTermsVersion] = useState('');
  const [requestId] = useState(() => crypto.randomUUID());
  const [finished, setFinished] = useState(false);

  return (
    <>
      <Typography variant="h4">{t('kiosk.apply.title')}</Typography>
      <WizardSteps active={step} finished={finished} />
      {step === 'select' && (
        <ApplySelect
          agent={agent}
          onOpened={(application, loggedIn) => {
            setOpened(application);
            setToken(loggedIn);
            setStep('confirm');
          }}
        />
      )}
      {step === 'confirm' && opened && token && (
        <ApplyConfirm
          opened={opened}
          tokenSerial={token.serial}
          onBack={() => setStep('select')}
          onConfirm={() => setStep('terms')}
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
      {step === 'result' && opened && token && (
        <ApplyResult
          input={{ agent, opened, tokenSerial: token.serial, termsVersion, requestId, locale }}
          progress={progress}
          onInstalled={() => setFinished(true)}
        />
      )}
    </>
  );
};
