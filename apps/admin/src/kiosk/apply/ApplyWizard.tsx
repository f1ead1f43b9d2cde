import { Typography } from '@mui/material';
import { useState } from 'react';
import type { AgentClient } from '../agent-client';
import { useKioskI18n } from '../kiosk-i18n';
import type { LiveProgress } from '../use-kiosk-session';
import type { OpenedApplication } from '../kiosk-queries';
import type { Medium } from '../medium/medium';
import { useWizard } from '../use-wizard';
import { WizardSteps } from '../WizardSteps';
import { ApplyConfirm } from './ApplyConfirm';
import { generateAndSubmit } from './apply-run';
import { ApplyResult } from './ApplyResult';
import { ApplySelect } from './ApplySelect';
import { TermsStep } from './TermsStep';

export interface ApplyWizardProps {
  readonly agent: AgentClient;
  readonly progress: LiveProgress | null;
  /** Apply for this computer's store (PC) rather than a token; says whether its password is set. */
  readonly computer?: { readonly storeCreated: boolean };
}

/** 申請憑證 on an iKey, ezSign or this computer (PC): select → confirm → terms → result. */
export const ApplyWizard = ({ agent, progress, computer }: ApplyWizardProps) => {
  const { t, locale } = useKioskI18n();
  const { step, setStep, termsVersion, requestId, finished, onInstalled, acceptTerms } = useWizard();
  const [opened, setOpened] = useState<OpenedApplication | null>(null);
  const [target, setTarget] = useState<{ medium: Medium; where: string } | null>(null);

  const choose = (application: OpenedApplication, medium: Medium, where: string) => {
    setOpened(application);
    setTarget({ medium, where });
    setStep('confirm');
  };

  return (
    <>
      <Typography variant="h4">{t(computer ? 'kiosk.pc.applyTitle' : 'kiosk.apply.title')}</Typography>
      <WizardSteps active={step} finished={finished} />
      {step === 'select' && (
        <ApplySelect
          agent={agent}
          computer={computer}
          onOpened={(application, medium) =>
            choose(application, medium, medium.tokenSerial ?? t('kiosk.pc.thisComputer'))
          }
        />
      )}
      {step === 'confirm' && opened && target && (
        <ApplyConfirm
          opened={opened}
          where={target.where}
          onBack={() => setStep('select')}
          onConfirm={() => setStep('terms')}
        />
      )}
      {step === 'terms' && <TermsStep onBack={() => setStep('confirm')} onAccept={acceptTerms} />}
      {step === 'result' && opened && target && (
        <ApplyResult
          medium={target.medium}
          submit={(stage) =>
            generateAndSubmit({ medium: target.medium, opened, termsVersion, requestId, locale }, stage)
          }
          installed={t(target.medium.kind === 'store' ? 'kiosk.pc.installed' : 'kiosk.result.installed')}
          testId="apply-installed"
          progress={progress}
          onInstalled={onInstalled}
        />
      )}
    </>
  );
};
