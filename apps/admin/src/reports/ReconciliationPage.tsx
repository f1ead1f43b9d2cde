import { Box, Card, CardContent, LinearProgress, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetOne, usePermissions, useTranslate } from 'react-admin';
import { toGregorianDate } from '@app/domain';
import { useCalendar } from '../calendar/use-calendar';
import { formatCalendarDate, parseCalendarDate } from '../certificates/expiry-window';
import { apiErrorCode } from '../data/api-error';
import { ScopePicker } from '../dashboard/ScopePicker';
import { ApiErrorNotice } from '../errors/ApiErrorNotice';
import { DEFAULT_SCOPE, type ReconciliationRecord } from './report.provider';
import { ReconciliationTable } from './ReconciliationTable';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Taipei, ISO `YYYY-MM-DD`. */
const taipeiToday = () => toGregorianDate(new Date());

/**
 * 日結對帳: for one Taipei day, notices printed against applications registered and completed,
 * and proof sheets printed, per branch. The day is typed in the calendar the user chose.
 */
const ReconciliationPage = () => {
  const translate = useTranslate();
  const [calendar] = useCalendar();
  const { permissions } = usePermissions<string>();
  const [typed, setTyped] = useState<string>(() => formatCalendarDate(taipeiToday(), calendar));
  const [scope, setScope] = useState(DEFAULT_SCOPE);
  const day = parseCalendarDate(typed, calendar);
  const valid = ISO_DATE.test(day);
  const { data, error, isFetching } = useGetOne<ReconciliationRecord>(
    'reconciliation',
    { id: day, meta: { branchId: scope === DEFAULT_SCOPE ? undefined : scope } },
    { enabled: valid, refetchOnWindowFocus: 'always', staleTime: 0 },
  );
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="reports.reconciliation.title" />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h5" component="h1">
          {translate('reports.reconciliation.title')}
        </Typography>
        <Typography color="text.secondary">{translate('reports.reconciliation.intro')}</Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField
            size="small"
            label={translate('reports.reconciliation.date')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={calendar === 'roc' ? '115/11/24' : '2026-11-24'}
            error={!valid}
            helperText={valid ? ' ' : translate('errors.REPORT_DATE_INVALID')}
          />
          {permissions === 'ADMIN' && <ScopePicker value={scope} onChange={setScope} />}
        </Box>
        {isFetching && <LinearProgress aria-label={translate('ra.page.loading')} />}
        {error ? <ApiErrorNotice code={apiErrorCode(error)} message={error.message} /> : null}
        {valid && data && <ReconciliationTable rows={data.branches} />}
      </CardContent>
    </Card>
  );
};

export default ReconciliationPage;
