import { Stack, Typography } from '@mui/material';
import type { AgentClient } from '../agent-client';
import { useKioskI18n } from '../kiosk-i18n';
import { EnvironmentCheck } from './EnvironmentCheck';
import type { HelpView } from './HelpEntries';
import { KioskFaq } from './KioskFaq';

/** A help view inside the shell: the environment check, or the FAQ with its message codes. */
export const HelpPanel = ({
  view,
  agentUrl,
  agent,
}: {
  view: HelpView;
  agentUrl: string;
  agent: AgentClient | null;
}) => {
  const { t } = useKioskI18n();
  if (view === 'environment') return <EnvironmentCheck agentUrl={agentUrl} agent={agent} />;
  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <Typography variant="h4" component="h2">
        {t('kiosk.help.faqPage.title')}
      </Typography>
      <KioskFaq />
    </Stack>
  );
};
