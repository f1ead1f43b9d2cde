import { Box, Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { toKioskError, type KioskError } from '../kiosk-error';
import { kioskGraphql } from '../kiosk-graphql';
import { useKioskI18n } from '../kiosk-i18n';
import { TERMS, type Terms } from '../kiosk-queries';
import { KioskErrorNotice } from '../KioskError';

/** Step 3: our own terms of use; the version accepted goes with the apply and into the audit trail. */
export const TermsStep = ({ onAccept, onBack }: { onAccept: (version: string) => void; onBack: () => void }) => {
  const { t, locale } = useKioskI18n();
  const [terms, setTerms] = useState<Terms | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);

  useEffect(() => {
    kioskGraphql<{ termsOfUse: Terms }>(TERMS, {}, {}, locale)
      .then(({ termsOfUse }) => setTerms(termsOfUse))
      .catch((e: unknown) => setError(toKioskError(e)));
  }, [locale]);

  return (
    <Stack spacing={3}>
      <KioskErrorNotice error={error} />
      {terms && (
        <>
          <Typography variant="body2">{t('kiosk.apply.termsVersion', { version: terms.version })}</Typography>
          <Box
            data-testid="terms-text"
            sx={{ whiteSpace: 'pre-wrap', fontSize: '1.2rem', maxHeight: 360, overflowY: 'auto', p: 2, border: 1 }}
          >
            {terms.text}
          </Box>
          <FormControlLabel
            control={<Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />}
            label={<Typography sx={{ fontSize: '1.3rem' }}>{t('kiosk.apply.acceptTerms')}</Typography>}
          />
        </>
      )}
      <Stack direction="row" spacing={2}>
        <Button size="large" onClick={onBack}>
          {t('kiosk.back')}
        </Button>
        <Button
          size="large"
          variant="contained"
          disabled={!terms || !accepted}
          onClick={() => terms && onAccept(terms.version)}
        >
          {t('kiosk.apply.start')}
        </Button>
      </Stack>
    </Stack>
  );
};
