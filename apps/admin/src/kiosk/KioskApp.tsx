import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import type { I18nProvider } from 'react-admin';
import { agentUrlFromLocation } from './agent-client';
import { KioskI18nProvider } from './kiosk-i18n';
import { KioskShell } from './KioskShell';

/** Touch-sized type and targets: the kiosk is used standing, by fingers, by customers of every age. */
const theme = createTheme({
  typography: { fontSize: 18, button: { fontSize: '1.25rem' } },
  components: {
    MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { minHeight: 64, minWidth: 120 } } },
    MuiInputBase: { styleOverrides: { root: { fontSize: '1.5rem' } } },
    MuiInputLabel: { styleOverrides: { root: { fontSize: '1.25rem' } } },
  },
});

/**
 * The kiosk mode at `/kiosk`: outside react-admin (no console session checks, no store in
 * localStorage), sharing only the console's catalogues and calendar.
 */
const KioskApp = ({ i18nProvider }: { i18nProvider: I18nProvider }) => (
  <ThemeProvider theme={theme}>
    <CssBaseline />
    <KioskI18nProvider provider={i18nProvider}>
      <KioskShell agentUrl={agentUrlFromLocation(window.location.search)} />
    </KioskI18nProvider>
  </ThemeProvider>
);

export default KioskApp;
