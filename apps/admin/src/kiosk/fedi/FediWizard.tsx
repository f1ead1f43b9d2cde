import type { AgentToken } from '@app/contracts';
import { Typography } from '@mui/material';
import { useState } from 'react';
import type { AgentClient } from '../agent-client';
import { ApplyResult } from '../apply/ApplyResult';
import { TermsStep } from '../apply/TermsStep';
import { useKioskI18n } from '../kiosk-i18n';
import type { LiveProgress } from '../use-kiosk-session';
import { tokenMedium } from '../medium/token-medium';
import { useWizard } from '../use-wizard';
import { WizardSteps } from '../WizardSteps';
import { FediConfirm } from './FediConfirm';
import type { FediGrant } from './fedi-queries';
import { generateAndConvert } from './fedi-run';
import { FediSelect } from './FediSelect';

/**
 * FEDI憑證線上轉置 on an iKey: 選擇轉置清單 → 確認轉置資訊 → 轉置約定條款 → 轉置送審結果, the last
 * one new keys next to the FEDI key, the conversion to the API, then download and install as after an apply.
 */
export const FediWizard = ({ agent, progress }: { agent: AgentClient; progress: LiveProgress | null }) => {
  const { t, locale } = useKioskI18n();
  const { step, setStep, termsVersion, requestId, finished, onInstalled, acceptTerms } = useWizard();
  const [grant, setGrant] = useState<FediGrant | null>(null);
  const [token, setToken] = useState<AgentToken | null>(null);
  const [email, setEmail] = useState('');

  return (
    <>
      <Typography variant="h4">{t('kiosk.fedi.title')}</Typography>
      <WizardSteps active={step} finished={finished} labels="kiosk.fedi.steps" />
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
      {step === 'terms' && <TermsStep onBack={() => setStep('confirm')} onAccept={acceptTerms} />}
      {step === 'result' && grant && token && (
        <ApplyResult
          medium={tokenMedium(agent, token.serial)}
          submit={(stage) =>
            generateAndConvert(
              { agent, tokenSerial: token.serial, grant, email, termsVersion, requestId, locale },
              stage,
            )
          }
          installed={t('kiosk.fedi.installed', { commonName: grant.commonName })}
          testId="fedi-installed"
          progress={progress}
          onInstalled={onInstalled}
        />
      )}
    </>
  );
};
