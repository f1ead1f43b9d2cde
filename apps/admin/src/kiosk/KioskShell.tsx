import { Alert, AppBar, Box, Button, Stack, Toolbar, Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import { ApplyWizard } from './apply/ApplyWizard';
import { CustomerHome, type KioskFunction } from './CustomerHome';
import { EndedScreen } from './EndedScreen';
import { FediWizard } from './fedi/FediWizard';
import { HelpEntries, type HelpView } from './help/HelpEntries';
import { HelpPanel } from './help/HelpPanel';
import { KioskClock } from './KioskClock';
import { useKioskI18n } from './kiosk-i18n';
import { DownloadPanel } from './certificates/DownloadPanel';
import { MyCertificates } from './certificates/MyCertificates';
import { PcBackup } from './pc/PcBackup';
import { PcRestore } from './pc/PcRestore';
import { TokenToComputer } from './pc/TokenToComputer';
import { StaffStep } from './StaffStep';
import { PinChange } from './token/PinChange';
import { TokenCleanup } from './token/TokenCleanup';
import { useIdleTimeout } from './use-idle-timeout';
import { useKioskSession } from './use-kiosk-session';

/** Idle time that ends a customer session: long enough to read the terms, short for a walk-away. */
export const IDLE_TIMEOUT_MS = 180_000;

/** The full-screen kiosk: header (title, clock, language, end), then the current step. */
export const KioskShell = ({ agentUrl }: { agentUrl: string }) => {
  const { t, locale, toggleLocale } = useKioskI18n();
  const localeNow = useCallback(() => locale, [locale]);
  const { phase, progress, tokenOut, begin, end, restart } = useKioskSession(agentUrl, localeNow);
  const [fn, setFn] = useState<KioskFunction | null>(null);
  // Help on the first screen, before any pairing: what needs no teller.
  const [help, setHelp] = useState<HelpView | null>(null);
  const onIdle = useCallback(() => void end('idle').then(() => setFn(null)), [end]);
  useIdleTimeout(IDLE_TIMEOUT_MS, onIdle, phase.kind !== 'customer' || progress !== null);

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', fontSize: '1.25rem' }}>
      <AppBar position="static">
        <Toolbar sx={{ gap: 3, minHeight: 80 }}>
          <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
            {t('kiosk.title')}
          </Typography>
          <KioskClock />
          <Button color="inherit" size="large" onClick={toggleLocale} lang={locale === 'en' ? 'zh-TW' : 'en'}>
            {t('kiosk.language')}
          </Button>
          {phase.kind === 'customer' && (
            <Button
              color="inherit"
              variant="outlined"
              size="large"
              onClick={() => void end('button').then(() => setFn(null))}
            >
              {t('kiosk.endSession')}
            </Button>
          )}
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ flexGrow: 1, p: { xs: 3, md: 6 } }}>
        {phase.kind === 'staff' && help === null && (
          <Stack spacing={6}>
            <StaffStep onPaired={begin} />
            <HelpEntries onOpen={setHelp} />
          </Stack>
        )}
        {phase.kind === 'staff' && help !== null && (
          <Stack spacing={3}>
            <HelpPanel view={help} agentUrl={agentUrl} agent={null} />
            <Button size="large" sx={{ alignSelf: 'flex-start' }} onClick={() => setHelp(null)}>
              {t('kiosk.back')}
            </Button>
          </Stack>
        )}
        {phase.kind === 'ended' && <EndedScreen reason={phase.reason} onRestart={restart} />}
        {phase.kind === 'customer' && (
          <Stack spacing={3}>
            {tokenOut && (
              <Alert severity="info" data-testid="token-out" sx={{ fontSize: '1.2rem' }}>
                {t('kiosk.tokenOut', { serial: tokenOut })}
              </Alert>
            )}
            {fn === null && <CustomerHome onChoose={setFn} computer={!!phase.computer} />}
            {fn === 'apply' && <ApplyWizard agent={phase.agent} progress={progress} />}
            {fn === 'certificates' && <MyCertificates agent={phase.agent} progress={progress} />}
            {fn === 'download' && <DownloadPanel agent={phase.agent} />}
            {fn === 'pin' && <PinChange agent={phase.agent} />}
            {fn === 'cleanup' && <TokenCleanup agent={phase.agent} />}
            {fn === 'fedi' && <FediWizard agent={phase.agent} progress={progress} />}
            {phase.computer && (
              <>
                {fn === 'pcApply' && <ApplyWizard agent={phase.agent} progress={progress} computer={phase.computer} />}
                {fn === 'pcDownload' && <DownloadPanel agent={phase.agent} computer={phase.computer} />}
                {fn === 'pcCertificates' && (
                  <MyCertificates agent={phase.agent} progress={progress} computer={phase.computer} />
                )}
                {fn === 'pcBackup' && <PcBackup agent={phase.agent} computer={phase.computer} />}
                {fn === 'pcRestore' && <PcRestore agent={phase.agent} computer={phase.computer} />}
                {fn === 'tokenToComputer' && <TokenToComputer agent={phase.agent} />}
              </>
            )}
            {(fn === 'environment' || fn === 'faq') && <HelpPanel view={fn} agentUrl={agentUrl} agent={phase.agent} />}
            {fn !== null && progress === null && (
              <Button size="large" sx={{ alignSelf: 'flex-start' }} onClick={() => setFn(null)}>
                {t('kiosk.toMenu')}
              </Button>
            )}
          </Stack>
        )}
      </Box>
    </Box>
  );
};
