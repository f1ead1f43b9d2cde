import OutboxIcon from '@mui/icons-material/Outbox';
import { lazy } from 'react';

/** The local mail outbox (demo: MAIL_TRANSPORT=outbox) for supervisors and admins. */
export default {
  list: lazy(() => import('./OutboxList')),
  show: lazy(() => import('./OutboxShow')),
  icon: OutboxIcon,
  recordRepresentation: 'subject',
};
