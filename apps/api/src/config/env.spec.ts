import { describe, expect, it } from '@jest/globals';
import { isEmbeddedDatabase, loadEnv } from './env';

const SECRET = 's'.repeat(32);

describe('loadEnv', () => {
  it('fills the documented defaults: embedded database, zh-TW console on 127.0.0.1:3000', () => {
    const env = loadEnv({ JWT_SECRET: SECRET });
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqljs:var/branch-ra.sqlite',
      JWT_TTL: '30m',
      SIGN_IN_MAX_FAILURES: 5,
    });
    expect(isEmbeddedDatabase(env)).toBe(true);
    expect(isEmbeddedDatabase(loadEnv({ JWT_SECRET: SECRET, DATABASE_URL: 'mariadb://u:p@h:3306/d' }))).toBe(false);
  });

  it('names every invalid variable without printing its value', () => {
    const secret = 'too-short-secret';
    let message = '';
    try {
      loadEnv({ JWT_SECRET: secret, PORT: '70000', DATABASE_URL: 'postgres://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/JWT_SECRET/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).not.toContain(secret);
    expect(message).not.toContain('postgres://x');
  });

  it('treats empty variables as unset', () => {
    expect(loadEnv({ JWT_SECRET: SECRET, DATABASE_URL: '' }).DATABASE_URL).toBe('sqljs:var/branch-ra.sqlite');
  });
});
