import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Badge } from '@mui/material';
import { useGetList, usePermissions } from 'react-admin';

/** The menu icon of the approvals queue, with the number of requests waiting for a supervisor. */
export const ApprovalsIcon = () => {
  const { permissions } = usePermissions<string>();
  const { total } = useGetList(
    'approvals',
    { pagination: { page: 1, perPage: 1 }, filter: { status: 'PENDING' } },
    { enabled: permissions === 'SUPERVISOR', refetchInterval: 60_000 },
  );
  return (
    <Badge badgeContent={total ?? 0} color="error" max={99} data-testid="approvals-pending">
      <FactCheckIcon />
    </Badge>
  );
};
