import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useCalendar, type Calendar } from './use-calendar';

/** 民國 | 西元 in the app bar; every DateTimeField follows it at once. */
export const CalendarSwitch = () => {
  const [calendar, setCalendar] = useCalendar();
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={calendar}
      onChange={(_event, next: Calendar | null) => next && setCalendar(next)}
      aria-label={translate('settings.calendar')}
      data-testid="calendar-switch"
      sx={{
        mx: 1,
        '& .MuiToggleButton-root': { color: 'inherit', borderColor: 'currentColor', py: 0.25 },
        '& .MuiToggleButton-root.Mui-selected': { color: 'inherit', bgcolor: 'rgba(255, 255, 255, 0.24)' },
      }}
    >
      <ToggleButton value="roc">{translate('settings.roc')}</ToggleButton>
      <ToggleButton value="gregorian">{translate('settings.gregorian')}</ToggleButton>
    </ToggleButtonGroup>
  );
};
