import { Step, StepLabel, Stepper } from '@mui/material';
import { useKioskI18n } from './kiosk-i18n';

export const WIZARD_STEPS = ['select', 'confirm', 'terms', 'result'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface WizardStepsProps {
  readonly active: WizardStep;
  readonly finished?: boolean;
  /** Where the step names are in the catalogues: the conversion names its steps its own way (選擇轉置清單 …). */
  readonly labels?: 'kiosk.steps' | 'kiosk.fedi.steps';
}

/** The manual's four steps of every kiosk function, with the current one marked (all ticked when finished). */
export const WizardSteps = ({ active, finished = false, labels = 'kiosk.steps' }: WizardStepsProps) => {
  const { t } = useKioskI18n();
  return (
    <Stepper
      activeStep={finished ? WIZARD_STEPS.length : WIZARD_STEPS.indexOf(active)}
      sx={{ my: 3 }}
      data-testid="wizard-steps"
    >
      {WIZARD_STEPS.map((step) => (
        <Step key={step}>
          <StepLabel
            sx={{ '& .MuiStepLabel-label': { fontSize: '1.2rem' } }}
            aria-current={step === active ? 'step' : undefined}
          >
            {t(`${labels}.${step}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};
