import UsbIcon from '@mui/icons-material/Usb';
import { lazy } from 'react';

/** The tokens resource (載具); each page loads on first visit. */
export default {
  list: lazy(() => import('./TokenList')),
  create: lazy(() => import('./TokenCreate')),
  icon: UsbIcon,
  recordRepresentation: 'serial',
};
