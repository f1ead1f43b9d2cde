import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { lazy } from 'react';

/** The certificates resource (憑證查詢); each page loads on first visit. */
export default {
  list: lazy(() => import('./CertificateList')),
  show: lazy(() => import('./CertificateShow')),
  icon: VerifiedUserIcon,
  recordRepresentation: 'commonName',
};
