import { Box, MenuItem } from '@mui/material';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { CalendarSwitch } from '../calendar/CalendarSwitch';
import { QueryClock } from './QueryClock';

/** The signed-in staff member's branch, above Sign out. */
const BranchItem = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity?.branch) return null;
  return (
    <MenuItem disabled dense>
      {translate('dashboard.branch')}：{identity.branch.code} {identity.branch.name}
    </MenuItem>
  );
};

/** Calendar and language switches; both choices are remembered in react-admin's store. */
const Toolbar = () => (
  <>
    <QueryClock />
    <CalendarSwitch />
    <Box component="span" data-testid="locale-switch">
      <LocalesMenuButton />
    </Box>
    <LoadingIndicator />
  </>
);

export const AppBar = () => (
  <RaAppBar
    toolbar={<Toolbar />}
    userMenu={
      <UserMenu>
        <BranchItem />
        <Logout />
      </UserMenu>
    }
  >
    <TitlePortal />
  </RaAppBar>
);
