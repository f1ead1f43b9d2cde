import { ApprovalStatus } from '@app/contracts';
import { Box, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate } from '../calendar/format-date';
import { useCalendar } from '../calendar/use-calendar';
import type { ApprovalRecord } from '../approvals/approval.queries';
import { FigureCard } from './FigureCard';
import { listLink } from './list-link';

const SHOWN = 5;

/** The approvals queue at a glance: how many wait, and the oldest ones with who asked and why. */
export const PendingApprovalsCard = ({ count, branchId }: { count: number; branchId?: string }) => {
  const translate = useTranslate();
  const [calendar] = useCalendar();
  const filter = { status: ApprovalStatus.PENDING, ...(branchId ? { branchId } : {}) };
  // The API keeps the queue oldest first, as it is worked.
  const { data = [] } = useGetList<ApprovalRecord>(
    'approvals',
    { pagination: { page: 1, perPage: SHOWN }, filter },
    { refetchOnWindowFocus: true, refetchInterval: 30_000 },
  );
  return (
    <FigureCard title={translate('dashboard.approvals.title')} testId="pending-approvals">
      <Link
        component={RouterLink}
        to={listLink('approvals', filter)}
        data-testid="figure-approvals-PENDING"
        aria-label={`${translate('dashboard.approvals.pending')} ${count}`}
        color={count > 0 ? 'warning.main' : 'primary'}
        sx={{ fontSize: '2rem', fontWeight: 600 }}
      >
        {count}
      </Link>
      <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
        {translate('dashboard.approvals.pending')}
      </Typography>
      {data.length > 0 && (
        <List dense disablePadding aria-label={translate('dashboard.approvals.oldest')}>
          {data.map((r) => (
            <ListItem key={r.id} disableGutters divider>
              <ListItemText
                primary={`${r.certificate.customer.name} ${r.certificate.commonName}`}
                secondary={
                  <Box component="span" sx={{ display: 'block' }}>
                    {translate('dashboard.approvals.askedBy', {
                      name: r.requestedBy.displayName,
                      date: formatDate(new Date(r.requestedAt), calendar, true),
                    })}
                    {' · '}
                    {translate(`enums.IdentityDocument.${r.documentType}`)}
                    {r.note ? ` · ${r.note}` : ''}
                  </Box>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </FigureCard>
  );
};
