import { useCallback } from 'react';
import { useNotify, useRedirect, useTranslate } from 'react-admin';
import { apiErrorCode, isValidationError } from '../data/api-error';
import { ApiErrorNotice } from './ApiErrorNotice';

/**
 * The onError for react-admin's queries and mutations: a notification with the message in the
 * current locale and the FAQ link. Validation failures are left to the form, which shows each
 * message under its field.
 */
export function useNotifyApiError(): (error: unknown) => void {
  const notify = useNotify();
  const translate = useTranslate();
  return useCallback(
    (error: unknown) => {
      if (isValidationError(error)) return;
      const message = error instanceof Error && error.message ? error.message : translate('ra.notification.http_error');
      notify(<ApiErrorNotice code={apiErrorCode(error)} message={message} />, {
        type: 'error',
        autoHideDuration: 10000,
      });
    },
    [notify, translate],
  );
}

/** For Show and Edit: a record that cannot be loaded sends the user back to the list. */
export function useRecordLoadError(resource: string): (error: unknown) => void {
  const notifyApiError = useNotifyApiError();
  const redirect = useRedirect();
  return useCallback(
    (error: unknown) => {
      notifyApiError(error);
      redirect('list', resource);
    },
    [notifyApiError, redirect, resource],
  );
}
