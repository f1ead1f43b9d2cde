import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@app/contracts';
import { ckrName, toTokenError } from './ckr-errors';

describe('toTokenError', () => {
  it('maps the CKR results a customer can act on', () => {
    expect(toTokenError({ message: 'CKR_PIN_INCORRECT', code: 160 }).code).toBe('TOKEN_PIN_INCORRECT');
    expect(toTokenError({ message: 'CKR_PIN_LOCKED', code: 164 }).code).toBe('TOKEN_PIN_LOCKED');
    expect(toTokenError({ message: 'CKR_DEVICE_MEMORY', code: 0x31 }).code).toBe('TOKEN_FULL');
    expect(toTokenError({ message: 'CKR_DEVICE_REMOVED', code: 0x32 }).code).toBe('TOKEN_NOT_PRESENT');
    expect(toTokenError({ message: 'CKR_TOKEN_NOT_PRESENT', code: 0xe0 }).code).toBe('TOKEN_NOT_PRESENT');
    expect(toTokenError({ message: 'CKR_FUNCTION_CANCELED', code: 0x50 }).code).toBe('TOKEN_OPERATION_CANCELLED');
    expect(toTokenError({ message: 'CKR_PIN_LEN_RANGE', code: 0xa2 }).code).toBe('TOKEN_PIN_POLICY');
    expect(toTokenError({ message: 'CKR_USER_NOT_LOGGED_IN', code: 0x101 }).code).toBe('TOKEN_NOT_LOGGED_IN');
  });

  it('keeps the CKR name of anything else in a generic TOKEN_ERROR', () => {
    const error = toTokenError(Object.assign(new Error('CKR_OPERATION_ACTIVE'), { code: 0x90, method: 'C_SignInit' }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('TOKEN_ERROR');
    expect(error.details).toEqual({ ckr: 'CKR_OPERATION_ACTIVE', rv: 0x90, method: 'C_SignInit' });
    expect(toTokenError(new Error('boom')).details).toEqual({ ckr: 'UNKNOWN' });
  });

  it('passes a DomainError through', () => {
    const original = new DomainError('PRIVATE_KEY_NOT_FOUND');
    expect(toTokenError(original)).toBe(original);
    expect(ckrName('CKR_PIN_INCORRECT')).toBeUndefined();
  });
});
