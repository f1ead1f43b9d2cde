import { describe, expect, it } from '@jest/globals';
import { interpolate } from '@app/contracts';
import { apiErrorCode, isValidationError, toApiError } from './api-error';
import { zhTw } from '../i18n/zh-TW';

/** polyglot's lookup and interpolation, enough for the mapping: a missing key yields `_`. */
const translate = (key: string, options: Record<string, unknown> = {}): string => {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zhTw);
  return typeof found === 'string' ? interpolate(found, options) : String(options._ ?? key);
};

const apolloFailure = (extensions: Record<string, unknown>, message = 'server text') => ({
  graphQLErrors: [{ message, extensions }],
  networkError: null,
});

describe('toApiError', () => {
  it('turns field errors into react-admin server-side validation, translated', () => {
    const error = toApiError(
      apolloFailure({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'idNumber', code: 'ID_NUMBER_INVALID', message: 'x' },
          { field: 'input.name', code: 'FIELD_TOO_LONG', message: '長度不可超過 100 個字元。' },
        ],
      }),
      translate,
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.status).toBe(400);
    expect(error.body.errors).toEqual({
      root: { serverError: '輸入的資料有誤，請檢查標示的欄位。' },
      idNumber: '身分證統一編號或居留證號不正確，請確認英文字母與檢查碼。',
      // The catalogue's template needs `max`, which only the server's message has filled in.
      name: '長度不可超過 100 個字元。',
    });
  });

  it('keeps the code of other failures and translates them with their parameters', () => {
    const error = toApiError(apolloFailure({ code: 'SIGN_IN_LOCKED', params: { minutes: 15 } }), translate);
    expect(apiErrorCode(error)).toBe('SIGN_IN_LOCKED');
    expect(isValidationError(error)).toBe(false);
    expect(error.message).toBe('密碼錯誤次數過多，帳號已暫時鎖定，請於 15 分鐘後再試或洽系統管理員。');
  });

  it('marks UNAUTHENTICATED as 401 so the auth provider signs out', () => {
    expect(toApiError(apolloFailure({ code: 'UNAUTHENTICATED' }), translate).status).toBe(401);
  });

  it('reads errors that came back with an HTTP error status', () => {
    const error = toApiError(
      { networkError: { result: { errors: [{ message: 'm', extensions: { code: 'FORBIDDEN' } }] } } },
      translate,
    );
    expect(apiErrorCode(error)).toBe('FORBIDDEN');
    expect(error.status).toBe(403);
  });

  it('reports an unreachable server as a connection error without a code', () => {
    const error = toApiError(new TypeError('Failed to fetch'), translate);
    expect(apiErrorCode(error)).toBeNull();
    expect(error.message).toBe('與伺服器連線時發生錯誤');
  });
});
