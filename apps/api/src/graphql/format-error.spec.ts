import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { formatError } from './format-error';

// The internal-error path logs on purpose; keep the test output clean.
Logger.overrideLogger(false);

describe('formatError', () => {
  it('passes our codes through without their stack traces', () => {
    const out = formatError(
      { message: 'CUSTOMER_DUPLICATE', extensions: { code: 'CUSTOMER_DUPLICATE', stacktrace: ['at x.js:1'] } },
      new Error('x'),
    );
    expect(out).toEqual({ message: 'CUSTOMER_DUPLICATE', extensions: { code: 'CUSTOMER_DUPLICATE' } });
  });

  it('turns anything unknown into INTERNAL_ERROR with a correlation id and no detail', () => {
    const out = formatError(
      {
        message: "ER_NO_SUCH_TABLE: SELECT * FROM `customers` WHERE id = 'x'",
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
      new Error('ER_NO_SUCH_TABLE'),
    );
    expect(out.message).toBe('INTERNAL_ERROR');
    expect(out.extensions?.code).toBe('INTERNAL_ERROR');
    expect(out.extensions?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(out)).not.toContain('SELECT');
  });

  it('drops the echoed value of a variable that failed coercion', () => {
    const out = formatError(
      {
        message: 'Variable "$input" got invalid value 987654; String cannot represent a non string value: 987654',
        extensions: { code: 'BAD_USER_INPUT' },
      },
      new Error('x'),
    );
    expect(JSON.stringify(out)).not.toContain('987654');
    expect(out.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
