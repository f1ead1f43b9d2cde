import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReconciliationRow } from './report.queries';

const FIGURES = [
  'noticesPrinted',
  'noticesReprinted',
  'applicationsRegistered',
  'applicationsCompleted',
  'proofSheetsPrinted',
] as const;

/** One row per branch, and the total when there are several. */
export const ReconciliationTable = ({ rows }: { rows: ReconciliationRow[] }) => {
  const translate = useTranslate();
  const total = (f: (typeof FIGURES)[number]) => rows.reduce((sum, r) => sum + r[f], 0);
  return (
    <Table size="small" aria-label={translate('reports.reconciliation.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('dashboard.branch')}</TableCell>
          {FIGURES.map((f) => (
            <TableCell key={f} align="right">
              {translate(`reports.reconciliation.${f}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.branch.id} data-testid={`reconciliation-${r.branch.code}`}>
            <TableCell>
              {r.branch.code} {r.branch.name}
            </TableCell>
            {FIGURES.map((f) => (
              <TableCell key={f} align="right" data-figure={f}>
                {r[f]}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
      {rows.length > 1 && (
        <TableFooter>
          <TableRow>
            <TableCell>{translate('reports.reconciliation.total')}</TableCell>
            {FIGURES.map((f) => (
              <TableCell key={f} align="right">
                {total(f)}
              </TableCell>
            ))}
          </TableRow>
        </TableFooter>
      )}
    </Table>
  );
};
