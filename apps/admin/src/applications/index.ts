import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazy } from 'react';

/** The counter applications resource; each page loads on first visit. */
export default {
  list: lazy(() => import('./ApplicationList')),
  show: lazy(() => import('./ApplicationShow')),
  create: lazy(() => import('./ApplicationCreate')),
  icon: AssignmentIcon,
  recordRepresentation: 'commonName',
};
