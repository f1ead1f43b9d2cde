import { Step, StepLabel, Stepper } from '@mui/material';
import { useKioskI18n } from './kiosk-i18n';

export const WIZARD_STEPS = ['select', 'confirm', 'terms', 'result'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The manual's four steps of every kiosk function, with the current one marked (all ticked when finished). */
export const WizardSteps = ({ active, finished = false }: { active: WizardStep; finished?: boolean }) => {
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
            {t(`kiosk.steps.${step}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};
