import { Step, StepLabel, Stepper } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';
import { WIZARD_STEPS, type WizardStep } from '../WizardSteps';

/** The four steps as the manual names them for the conversion: 選擇轉置清單 → … → 轉置送審結果. */
export const FediSteps = ({ active, finished }: { active: WizardStep; finished: boolean }) => {
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
            {t(`kiosk.fedi.steps.${step}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};
