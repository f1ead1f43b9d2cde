import { lazy } from 'react';
import { ApprovalsIcon } from './ApprovalsIcon';

/** The approvals queue (覆核) for supervisors; tellers see their branch's requests and their outcome. */
export default {
  list: lazy(() => import('./ApprovalList')),
  icon: ApprovalsIcon,
};
