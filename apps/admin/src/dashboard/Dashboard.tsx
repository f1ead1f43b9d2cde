import { Box, Grid, LinearProgress } from '@mui/material';
import { Title, usePermissions, useStore, useTranslate } from 'react-admin';
import { apiErrorCode } from '../data/api-error';
import { ApiErrorNotice } from '../errors/ApiErrorNotice';
import { DEFAULT_SCOPE } from '../reports/report.provider';
import { BranchBreakdown } from './BranchBreakdown';
import { CertificateStatusCard } from './CertificateStatusCard';
import { CounterCard } from './CounterCard';
import { ExpiryCard } from './ExpiryCard';
import { PendingApprovalsCard } from './PendingApprovalsCard';
import { ScopePicker } from './ScopePicker';
import { useDashboard } from './use-dashboard';
import { Welcome } from './Welcome';

/**
 * Home: the welcome card, then the branch's figures (the head office: the bank's, per branch, or one
 * branch's), each of which opens the list it counts.
 */
const Dashboard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  const isAdmin = permissions === 'ADMIN';
  const [chosen, setChosen] = useStore<string>('dashboard.scope', DEFAULT_SCOPE);
  const scope = isAdmin ? chosen : DEFAULT_SCOPE;
  const { data, error, isPending } = useDashboard(scope);
  // Links carry the branch only when one was chosen: otherwise the lists keep their own scope.
  const branchId = scope === DEFAULT_SCOPE ? undefined : scope;
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="dashboard.title" />
      <Welcome queriedAt={data?.queriedAt} />
      {isAdmin && (
        <Box>
          <ScopePicker value={chosen} onChange={setChosen} />
        </Box>
      )}
      {isPending && <LinearProgress aria-label={translate('ra.page.loading')} />}
      {error ? <ApiErrorNotice code={apiErrorCode(error)} message={error.message} /> : null}
      {data && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <CertificateStatusCard figures={data} branchId={branchId} />
          </Grid>
          <Grid size={{ xs: 12, md: 6, lg: 4 }}>
            <PendingApprovalsCard count={data.pendingApprovals} branchId={branchId} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <ExpiryCard figures={data} branchId={branchId} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <CounterCard figures={data} branchId={branchId} />
          </Grid>
          {data.perBranch.length > 0 && (
            <Grid size={12}>
              <BranchBreakdown rows={data.perBranch} onPick={setChosen} />
            </Grid>
          )}
        </Grid>
      )}
    </Box>
  );
};

export default Dashboard;
