import BadgeIcon from '@mui/icons-material/Badge';
import { lazy } from 'react';

/** Staff accounts: administrators only (App registers it for them, the auth provider enforces it). */
export default {
  list: lazy(() => import('./StaffList')),
  create: lazy(() => import('./StaffCreate')),
  edit: lazy(() => import('./StaffEdit')),
  icon: BadgeIcon,
  recordRepresentation: 'displayName',
};
