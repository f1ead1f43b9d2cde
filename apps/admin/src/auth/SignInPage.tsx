import { Box } from '@mui/material';
import { LocalesMenuButton, Login } from 'react-admin';
import { SignInForm } from './SignInForm';

/** react-admin's sign-in screen with our form and the language switch. */
export const SignInPage = () => (
  <Login>
    <Box data-testid="locale-switch" sx={{ display: 'flex', justifyContent: 'flex-end', px: 1 }}>
      <LocalesMenuButton />
    </Box>
    <SignInForm />
  </Login>
);
