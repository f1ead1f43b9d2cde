import PolicyIcon from '@mui/icons-material/Policy';
import { lazy } from 'react';

/** The audit trail (稽核紀錄) for supervisors and admins; each page loads on first visit. */
export default {
  list: lazy(() => import('./AuditList')),
  show: lazy(() => import('./AuditShow')),
  icon: PolicyIcon,
  recordRepresentation: 'action',
};
