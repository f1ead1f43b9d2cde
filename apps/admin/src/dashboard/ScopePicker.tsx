import { MenuItem, TextField } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import type { Branch } from '../data/api-types';
import { DEFAULT_SCOPE } from '../reports/report.provider';

/** The head office chooses the whole bank or one branch. */
export const ScopePicker = ({ value, onChange }: { value: string; onChange: (scope: string) => void }) => {
  const translate = useTranslate();
  const { data = [] } = useGetList<Branch & { id: string }>('branches', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'code', order: 'ASC' },
  });
  return (
    <TextField
      select
      size="small"
      label={translate('dashboard.scope')}
      value={data.length || value === DEFAULT_SCOPE ? value : DEFAULT_SCOPE}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 220 }}
    >
      <MenuItem value={DEFAULT_SCOPE}>{translate('dashboard.wholeBank')}</MenuItem>
      {data.map((b) => (
        <MenuItem key={b.id} value={b.id}>
          {b.code} {b.name}
        </MenuItem>
      ))}
    </TextField>
  );
};
