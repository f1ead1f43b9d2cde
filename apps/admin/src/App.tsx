import { lazy, Suspense } from 'react';
import { Admin, Authenticated, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { createAuthProvider } from './auth/auth-provider';
import { readSession } from './auth/session';
import { SignInPage } from './auth/SignInPage';
import audit from './audit';
import { auditProvider } from './audit/audit.provider';
import approvals from './approvals';
import { approvalProvider } from './approvals/approval.provider';
import { branchProvider } from './branches/branch.provider';
import certificates from './certificates';
import { certificateProvider } from './certificates/certificate.provider';
import applications from './applications';
import { applicationProvider } from './applications/application.provider';
import customers from './customers';
import { customerProvider } from './customers/customer.provider';
import { createApolloClient } from './data/apollo-client';
import { createDataProvider } from './data/data-provider';
import { createI18nProvider } from './i18n/i18n-provider';
import { AppLayout } from './layout/AppLayout';
import { AppTitle } from './layout/AppTitle';
import staff from './staff';
import tokens from './tokens';
import { tokenProvider } from './tokens/token.provider';
import outbox from './outbox';
import { outboxProvider } from './outbox/outbox.provider';
import { createAppStore } from './store/app-store';
import { bulkReminderProvider, dashboardProvider, reconciliationProvider } from './reports/report.provider';
import { staffProvider } from './staff/staff.provider';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const FaqPage = lazy(() => import('./faq/FaqPage'));
const ReconciliationPage = lazy(() => import('./reports/ReconciliationPage'));
const KioskApp = lazy(() => import('./kiosk/KioskApp'));

const i18nProvider = createI18nProvider();
const client = createApolloClient({
  token: () => readSession()?.accessToken ?? null,
  locale: () => i18nProvider.getLocale(),
});
const authProvider = createAuthProvider(client, i18nProvider.translate);
const dataProvider = createDataProvider(
  {
    customers: customerProvider(client),
    applications: applicationProvider(client),
    staff: staffProvider(client),
    branches: branchProvider(client),
    certificates: certificateProvider(client),
    tokens: tokenProvider(client),
    approvals: approvalProvider(client),
    audit: auditProvider(client),
    'mail-outbox': outboxProvider(client),
    dashboard: dashboardProvider(client),
    reconciliation: reconciliationProvider(client),
    'bulk-reminders': bulkReminderProvider(client),
  },
  i18nProvider.translate,
);
const store = createAppStore();

/**
 * No `requireAuth`: with it, react-admin 5.15 loops between LogoutOnMount and the login page when
 * nobody is signed in (marmelab/react-admin#10764). Every page checks the session itself instead:
 * resource pages and the dashboard by default, custom routes through <Authenticated>.
 */
const ConsoleApp = () => (
  <Admin
    disableTelemetry
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={AppLayout}
    loginPage={SignInPage}
    dashboard={Dashboard}
  >
    {(permissions: unknown) => (
      <>
        <Resource name="customers" {...customers} />
        <Resource name="applications" {...applications} />
        <Resource name="certificates" {...certificates} />
        <Resource name="tokens" {...tokens} />
        <Resource name="approvals" {...approvals} />
        {permissions === 'ADMIN' && <Resource name="staff" {...staff} />}
        {(permissions === 'ADMIN' || permissions === 'SUPERVISOR') && <Resource name="audit" {...audit} />}
        {(permissions === 'ADMIN' || permissions === 'SUPERVISOR') && <Resource name="mail-outbox" {...outbox} />}
        <Resource name="branches" recordRepresentation="name" />
        <CustomRoutes>
          <Route
            path="/reconciliation"
            element={
              <Authenticated>
                <ReconciliationPage />
              </Authenticated>
            }
          />
          <Route
            path="/faq"
            element={
              <Authenticated>
                <FaqPage />
              </Authenticated>
            }
          />
        </CustomRoutes>
      </>
    )}
  </Admin>
);

/** The kiosk is its own full-screen app at /kiosk, outside react-admin's session checks and store. */
export const App = () =>
  window.location.pathname.startsWith('/kiosk') ? (
    <Suspense fallback={null}>
      <KioskApp i18nProvider={i18nProvider} />
    </Suspense>
  ) : (
    <ConsoleApp />
  );
