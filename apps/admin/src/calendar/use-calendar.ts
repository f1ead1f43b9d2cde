import { useStore } from 'react-admin';

/** How the console writes dates: the ROC calendar (民國, as the old platform did) or Gregorian. */
export type Calendar = 'roc' | 'gregorian';

/** The calendar choice, kept in react-admin's store (localStorage) so it survives a sign-out. */
export const useCalendar = () => useStore<Calendar>('preferences.calendar', 'roc');
