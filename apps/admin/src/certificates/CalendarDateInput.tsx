import { TextInput, type TextInputProps } from 'react-admin';
import { useCalendar } from '../calendar/use-calendar';
import { formatCalendarDate, parseCalendarDate } from './expiry-window';

/** A date typed as the calendar switch says (115/12/05 or 2026-12-05), kept as ISO `YYYY-MM-DD`. */
export const CalendarDateInput = (props: TextInputProps) => {
  const [calendar] = useCalendar();
  return (
    <TextInput
      {...props}
      placeholder={calendar === 'roc' ? '115/12/31' : '2026-12-31'}
      format={(value: unknown) => formatCalendarDate(value, calendar)}
      parse={(text: string) => parseCalendarDate(text, calendar)}
    />
  );
};
