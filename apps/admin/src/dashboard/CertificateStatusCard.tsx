import { CertificateStatus } from '@app/contracts';
import { Box, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import type { BranchFigures } from '../reports/report.queries';
import { axisMax } from './axis-max';
import { FigureCard } from './FigureCard';
import { FigureLink, FigureList } from './FigureLink';
import { listLink } from './list-link';

/** Statuses a supervisor acts on: drawn in the warning colour when there are any. */
const ATTENTION: readonly CertificateStatus[] = [CertificateStatus.PENDING, CertificateStatus.SUSPENDED];

/** Certificates by status: a bar chart to look at and the same figures as text, each opening its list. */
export const CertificateStatusCard = ({ figures, branchId }: { figures: BranchFigures; branchId?: string }) => {
  const translate = useTranslate();
  const { palette } = useTheme();
  const colour: Record<CertificateStatus, string> = {
    PENDING: palette.info.main,
    ISSUED: palette.secondary.main,
    ACTIVE: palette.success.main,
    SUSPENDED: palette.warning.main,
    REVOKED: palette.error.main,
    EXPIRED: palette.grey[500],
  };
  const rows = figures.certificatesByStatus.map((s) => ({
    ...s,
    label: translate(`enums.CertificateStatus.${s.status}`),
  }));
  return (
    <FigureCard title={translate('dashboard.certificates.title')} testId="certificates-by-status">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Box sx={{ flex: '1 1 320px', minWidth: 0 }} aria-hidden>
          <BarChart
            height={220}
            hideLegend
            skipAnimation
            xAxis={[
              {
                scaleType: 'band',
                data: rows.map((r) => r.label),
                height: 28,
                colorMap: { type: 'ordinal', colors: rows.map((r) => colour[r.status]) },
              },
            ]}
            yAxis={[{ tickMinStep: 1, width: 32, min: 0, max: axisMax(rows.map((r) => r.count)) }]}
            series={[{ data: rows.map((r) => r.count), label: translate('dashboard.certificates.count') }]}
          />
        </Box>
        <Box sx={{ flex: '0 1 220px' }}>
          <FigureList>
            {rows.map((r) => (
              <FigureLink
                key={r.status}
                id={`certificates-${r.status}`}
                label={r.label}
                value={r.count}
                to={listLink('certificates', { status: r.status, branchId })}
                attention={ATTENTION.includes(r.status)}
              />
            ))}
          </FigureList>
        </Box>
      </Box>
    </FigureCard>
  );
};
