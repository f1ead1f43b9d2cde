import { Alert, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, required, TextInput, useLogin, useTranslate } from 'react-admin';
import { apiErrorCode, translateCode } from '../data/api-error';

interface Credentials {
  username: string;
  password: string;
}

interface Failure {
  code: string | null;
  message: string;
  params: object;
}

/**
 * Username and password against the API. A refusal (SIGN_IN_FAILED, SIGN_IN_LOCKED,
 * SIGN_IN_THROTTLED) stays on screen above the fields, in the current language.
 */
export const SignInForm = () => {
  const login = useLogin();
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const submit = async (values: Partial<Credentials>) => {
    setPending(true);
    setFailure(null);
    try {
      await login(values);
    } catch (error) {
      const body = (error as { body?: { params?: object } }).body;
      const message = error instanceof Error && error.message ? error.message : translate('ra.auth.sign_in_error');
      setFailure({ code: apiErrorCode(error), message, params: body?.params ?? {} });
    } finally {
      setPending(false);
    }
  };

  return (
    <Form<Partial<Credentials>> onSubmit={submit} noValidate>
      <CardContent sx={{ width: 320, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Typography variant="h6" component="h1" align="center">
          {translate('signIn.title')}
        </Typography>
        {failure && (
          <Alert severity="error" data-testid="sign-in-error" data-code={failure.code ?? undefined}>
            {failure.code ? translateCode(translate, failure.code, failure.params, failure.message) : failure.message}
          </Alert>
        )}
        <TextInput autoFocus source="username" label="ra.auth.username" autoComplete="username" validate={required()} />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
        <Button variant="contained" type="submit" disabled={pending} fullWidth>
          {pending ? <CircularProgress size={19} thickness={3} /> : translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
};
