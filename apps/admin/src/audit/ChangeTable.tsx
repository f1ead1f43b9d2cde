import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEventRecord } from './audit.queries';
import { changesOf } from './changes';

/** Before and after of the audited record, field by field, the changed ones highlighted. */
export const ChangeTable = () => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  const changes = changesOf(record?.beforeJson, record?.afterJson);
  if (!changes.length) return <Typography variant="body2">{translate('audit.changes.none')}</Typography>;
  return (
    <Table size="small" aria-label={translate('audit.changes.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('audit.changes.field')}</TableCell>
          <TableCell>{translate('audit.changes.before')}</TableCell>
          <TableCell>{translate('audit.changes.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.field} selected={c.changed} data-changed={c.changed || undefined}>
            <TableCell component="th" scope="row">
              {c.field}
            </TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{c.before ?? '—'}</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{c.after ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
