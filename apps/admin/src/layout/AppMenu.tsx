import HelpOutlinedIcon from '@mui/icons-material/HelpOutlined';
import { Menu } from 'react-admin';

/** Home, the resources this role may open, and the FAQ. */
export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.ResourceItems />
    <Menu.Item to="/faq" primaryText="menu.faq" leftIcon={<HelpOutlinedIcon />} />
  </Menu>
);
