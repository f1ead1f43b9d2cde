import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatDate } from './format-date';
import { useCalendar } from './use-calendar';

export interface DateTimeFieldProps extends FieldProps {
  /** Add the time of day after the date. */
  showTime?: boolean;
}

/** A date of the record in the calendar the user chose, inside a machine-readable `<time>`. */
export const DateTimeField = ({ showTime = false, source, ...props }: DateTimeFieldProps) => {
  const value: unknown = useFieldValue({ source, ...props });
  const [calendar] = useCalendar();
  const date = typeof value === 'string' || value instanceof Date ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return <Typography component="span" variant="body2" />;
  return (
    <Typography component="time" variant="body2" dateTime={date.toISOString()}>
      {formatDate(date, calendar, showTime)}
    </Typography>
  );
};
