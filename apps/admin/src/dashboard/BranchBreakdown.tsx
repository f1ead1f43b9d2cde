import { Link, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { BranchFigures } from '../reports/report.queries';
import { FigureCard } from './FigureCard';

/** The head office's view: one row per branch; choosing a branch narrows the whole dashboard to it. */
export const BranchBreakdown = ({ rows, onPick }: { rows: BranchFigures[]; onPick: (branchId: string) => void }) => {
  const translate = useTranslate();
  const statuses = rows[0]?.certificatesByStatus.map((s) => s.status) ?? [];
  return (
    <FigureCard title={translate('dashboard.perBranch.title')} testId="per-branch">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('dashboard.branch')}</TableCell>
            {statuses.map((s) => (
              <TableCell key={s} align="right">
                {translate(`enums.CertificateStatus.${s}`)}
              </TableCell>
            ))}
            <TableCell align="right">{translate('dashboard.perBranch.expiring30')}</TableCell>
            <TableCell align="right">{translate('dashboard.approvals.pending')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.branch?.id}>
              <TableCell>
                <Link component="button" onClick={() => r.branch && onPick(r.branch.id)}>
                  {r.branch?.code} {r.branch?.name}
                </Link>
              </TableCell>
              {r.certificatesByStatus.map((s) => (
                <TableCell key={s.status} align="right">
                  {s.count}
                </TableCell>
              ))}
              <TableCell align="right">{r.expiring30}</TableCell>
              <TableCell align="right">{r.pendingApprovals}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </FigureCard>
  );
};
