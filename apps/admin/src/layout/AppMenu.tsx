import HelpOutlinedIcon from '@mui/icons-material/HelpOutlined';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Menu } from 'react-admin';

/** Home, the resources this role may open, and the FAQ. */
export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.ResourceItems />
    <Menu.Item to="/reconciliation" primaryText="reports.menu" leftIcon={<ReceiptLongIcon />} />
    <Menu.Item to="/faq" primaryText="menu.faq" leftIcon={<HelpOutlinedIcon />} />
  </Menu>
);
