import { Box, Typography } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';
import type { CheckLine, CheckState } from './environment-checks';
import { FaqLink } from './FaqLink';

const MARK: Readonly<Record<CheckState, string>> = { ok: '✔', warn: '!', fail: '✖', unknown: '?' };
const COLOUR: Readonly<Record<CheckState, string>> = {
  ok: 'success.main',
  warn: 'warning.main',
  fail: 'error.main',
  unknown: 'text.secondary',
};

/** One finding: its mark and state in words, what was found, and when wrong the fix and its FAQ answer. */
export const CheckLineRow = ({ line }: { line: CheckLine }) => {
  const { t } = useKioskI18n();
  const remedy = line.code ? t(`remedies.${line.code}`, { _: '' }) : '';
  return (
    <Box
      component="li"
      data-testid={`check-${line.key}`}
      data-state={line.state}
      data-code={line.code ?? undefined}
      sx={{ listStyle: 'none', display: 'flex', gap: 2, py: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Typography aria-hidden sx={{ fontSize: '2rem', lineHeight: 1.2, width: 48, color: COLOUR[line.state] }}>
        {MARK[line.state]}
      </Typography>
      <Box sx={{ flexGrow: 1 }}>
        <Typography variant="h6" component="h3">
          {t(`kiosk.help.check.${line.id}.title`)}：{t(`kiosk.help.check.state.${line.state}`)}
        </Typography>
        <Typography sx={{ fontSize: '1.25rem' }}>
          {t(`kiosk.help.check.${line.id}.${line.text}`, line.params)}
        </Typography>
        {remedy && (
          <Typography sx={{ fontSize: '1.2rem', mt: 1 }} color="text.secondary" data-testid="check-remedy">
            {remedy}
          </Typography>
        )}
      </Box>
      {line.code && (
        <Box sx={{ alignSelf: 'center' }}>
          <FaqLink code={line.code} />
        </Box>
      )}
    </Box>
  );
};
