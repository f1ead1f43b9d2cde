import { useCallback, useState } from 'react';
import type { WizardStep } from './WizardSteps';

export interface Wizard {
  readonly step: WizardStep;
  readonly setStep: (step: WizardStep) => void;
  /** The terms the customer accepted, sent with the request. */
  readonly termsVersion: string;
  /** One per wizard: a retried submit is answered with the first pair, not a second one. */
  readonly requestId: string;
  /** Installed: every step shows as done. */
  readonly finished: boolean;
  readonly onInstalled: () => void;
  /** The terms step's "accept": keep its version and go on to the result. */
  readonly acceptTerms: (version: string) => void;
}

/** Where a select → confirm → terms → result wizard stands, with what its last two steps leave behind. */
export function useWizard(): Wizard {
  const [step, setStep] = useState<WizardStep>('select');
  const [termsVersion, setTermsVersion] = useState('');
  const [requestId] = useState(() => crypto.randomUUID());
  const [finished, setFinished] = useState(false);
  const onInstalled = useCallback(() => setFinished(true), []);
  const acceptTerms = useCallback((version: string) => {
    setTermsVersion(version);
    setStep('result');
  }, []);
  return { step, setStep, termsVersion, requestId, finished, onInstalled, acceptTerms };
}
