import { Typography } from '@mui/material';
import { useState } from 'react';
import type { AgentClient } from '../agent-client';
import { useKioskI18n } from '../kiosk-i18n';
import type { LiveProgress } from '../use-kiosk-session';
import type { OpenedApplication } from '../kiosk-queries';
import type { Medium } from '../medium/medium';
import { tokenMedium } from '../medium/token-medium';
import { PcApplySelect } from '../pc/PcApplySelect';
import { WizardSteps, type WizardStep } from '../WizardSteps';
import { ApplyConfirm } from './ApplyConfirm';
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
  const [step, setStep] = useState<WizardStep>('select');
  const [opened, setOpened] = useState<OpenedApplication | null>(null);
  const [target, setTarget] = useState<{ medium: Medium; where: string } | null>(null);
  const [termsVersion, setTermsVersion] = useState('');
  const [requestId] = useState(() => crypto.randomUUID());
  const [finished, setFinished] = useState(false);

  const choose = (application: OpenedApplication, medium: Medium, where: string) => {
    setOpened(application);
    setTarget({ medium, where });
    setStep('confirm');
  };

  return (
    <>
      <Typography variant="h4">{t(computer ? 'kiosk.pc.applyTitle' : 'kiosk.apply.title')}</Typography>
      <WizardSteps active={step} finished={finished} />
      {step === 'select' &&
        (computer ? (
          <PcApplySelect
            agent={agent}
            computer={computer}
            onOpened={(application, medium) => choose(application, medium, t('kiosk.pc.thisComputer'))}
          />
        ) : (
          <ApplySelect
            agent={agent}
            onOpened={(application, loggedIn) =>
              choose(application, tokenMedium(agent, loggedIn.serial), loggedIn.serial)
            }
          />
        ))}
      {step === 'confirm' && opened && target && (
        <ApplyConfirm
          opened={opened}
          where={target.where}
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
      {step === 'result' && opened && target && (
        <ApplyResult
          input={{ medium: target.medium, opened, termsVersion, requestId, locale }}
          progress={progress}
          onInstalled={() => setFinished(true)}
        />
      )}
    </>
  );
};
