import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';

/** The customers resource; each page loads on first visit. */
export default {
  list: lazy(() => import('./CustomerList')),
  show: lazy(() => import('./CustomerShow')),
  create: lazy(() => import('./CustomerCreate')),
  edit: lazy(() => import('./CustomerEdit')),
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
