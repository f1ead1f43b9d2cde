import { CertificateStatus } from '@app/contracts';
import { Box, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import type { DashboardFigures } from '../reports/report.queries';
import { axisMax } from './axis-max';
import { FigureCard } from './FigureCard';
import { FigureLink, FigureList } from './FigureLink';
import { listLink } from './list-link';

/**
 * Valid certificates expiring in the next 30 / 60 days, and those held for longer than the set
 * number of days. The windows come from the API so the list opens on exactly the counted rows.
 */
export const ExpiryCard = ({ figures, branchId }: { figures: DashboardFigures; branchId?: string }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const expiring = (until: string) =>
    listLink('certificates', {
      status: CertificateStatus.ACTIVE,
      notAfterFrom: figures.expiringFrom,
      notAfterTo: until,
      branchId,
    });
  const windows = [
    { id: 'expiring30', label: translate('dashboard.expiry.within', { days: 30 }), value: figures.expiring30 },
    { id: 'expiring60', label: translate('dashboard.expiry.within', { days: 60 }), value: figures.expiring60 },
  ];
  return (
    <FigureCard title={translate('dashboard.expiry.title')} testId="expiry">
      <Box aria-hidden>
        <BarChart
          height={140}
          hideLegend
          skipAnimation
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: windows.map((w) => w.label), width: 96 }]}
          xAxis={[{ tickMinStep: 1, height: 28, min: 0, max: axisMax(windows.map((w) => w.value)) }]}
          series={[{ data: windows.map((w) => w.value), color: theme.palette.warning.main }]}
        />
      </Box>
      <FigureList>
        <FigureLink {...windows[0]} to={expiring(figures.expiring30Until)} />
        <FigureLink {...windows[1]} to={expiring(figures.expiring60Until)} />
        <FigureLink
          id="suspended-over"
          label={translate('dashboard.expiry.suspendedOver', { days: figures.suspendedDays })}
          value={figures.suspendedOver}
          to={listLink('certificates', {
            status: CertificateStatus.SUSPENDED,
            statusChangedBefore: figures.suspendedBefore,
            branchId,
          })}
          attention
        />
      </FigureList>
    </FigureCard>
  );
};
