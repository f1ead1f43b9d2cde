import { TextInput, type TextInputProps } from 'react-admin';
import { formatDate } from '../calendar/format-date';
import { useCalendar } from '../calendar/use-calendar';

/** An instant from a dashboard link, shown in the chosen calendar; read-only, so it is removed, not edited. */
export const StatusChangedBeforeInput = (props: TextInputProps) => {
  const [calendar] = useCalendar();
  return (
    <TextInput
      {...props}
      readOnly
      format={(value: unknown) =>
        typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? formatDate(new Date(value), calendar, true) : ''
      }
    />
  );
};
