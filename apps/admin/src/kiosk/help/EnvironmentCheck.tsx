import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { AgentClient } from '../agent-client';
import { useKioskI18n } from '../kiosk-i18n';
import { CheckLineRow } from './CheckLineRow';
import { overallState, type CheckLine, type CheckState } from './environment-checks';
import { runEnvironmentCheck } from './environment-probe';

const SEVERITY: Readonly<Record<CheckState, 'success' | 'warning' | 'error' | 'info'>> = {
  ok: 'success',
  warn: 'warning',
  fail: 'error',
  unknown: 'info',
};

/**
 * 系統環境偵測 (manual function 18). Before a teller signs in there is no pairing: only the agent's
 * liveness, the clock and the browser. In a customer session, `agent` adds the module, the
 * tokens and their PIN state from the agent's report.
 */
export const EnvironmentCheck = ({ agentUrl, agent }: { agentUrl: string; agent: AgentClient | null }) => {
  const { t } = useKioskI18n();
  const [lines, setLines] = useState<readonly CheckLine[] | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    void runEnvironmentCheck(agentUrl, agent).then((found) => live && setLines(found));
    return () => {
      live = false;
    };
  }, [agentUrl, agent, round]);

  const overall = lines ? overallState(lines) : null;
  return (
    <Stack spacing={3} data-testid="environment-check" data-state={overall ?? 'running'} sx={{ maxWidth: 1100 }}>
      <Typography variant="h4" component="h2">
        {t('kiosk.help.check.title')}
      </Typography>
      <Typography>{t('kiosk.help.check.intro')}</Typography>
      {!agent && <Alert severity="info">{t('kiosk.help.check.beforeSignIn')}</Alert>}
      {overall === null ? (
        <Typography role="status" variant="h5">
          {t('kiosk.help.check.running')}
        </Typography>
      ) : (
        <>
          <Alert severity={SEVERITY[overall]} data-testid="environment-overall" sx={{ fontSize: '1.3rem' }}>
            {t(`kiosk.help.check.overall.${overall}`)}
          </Alert>
          <Box component="ul" sx={{ p: 0, m: 0 }}>
            {lines?.map((line) => (
              <CheckLineRow key={line.key} line={line} />
            ))}
          </Box>
        </>
      )}
      <Button
        size="large"
        variant="contained"
        sx={{ alignSelf: 'flex-start' }}
        disabled={overall === null}
        onClick={() => {
          setLines(null);
          setRound((n) => n + 1);
        }}
      >
        {t('kiosk.help.check.again')}
      </Button>
    </Stack>
  );
};
