import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainErrorOf } from '@app/contracts/testing/domain-error';
import { CONFIG_DEFAULTS, loadAgentConfig, validateConfig } from './agent-config';

const key = randomBytes(32).toString('base64url');
const minimal = { allowedOrigins: ['https://ra.bank.test'], kioskCode: 'K0060000-01', kioskKey: key };

describe('agent config', () => {
  it('fills the documented defaults', () => {
    const config = validateConfig({ ...minimal });
    expect(config).toMatchObject({
      port: CONFIG_DEFAULTS.port,
      modulePath: CONFIG_DEFAULTS.modulePath,
      mode: 'kiosk',
      tokenPollMs: 1000,
    });
    expect(Buffer.from(config.kioskKey).toString('base64url')).toBe(key);
  });

  it.each([
    ['allowedOrigins', { allowedOrigins: [] }],
    ['allowedOrigins', { allowedOrigins: ['https://ra.bank.test/'] }],
    ['allowedOrigins', { allowedOrigins: ['*'] }],
    ['allowedOrigins', { allowedOrigins: ['file://x'] }],
    ['kioskCode', { kioskCode: 'K 1' }],
    ['kioskKey', { kioskKey: 'too-short' }],
    ['mode', { mode: 'shared' }],
    ['port', { port: 70000 }],
    ['tokenTypeRules', { tokenTypeRules: [{ type: 'IKEY' }] }],
    ['tokenTypeRules', { tokenTypeRules: [{ type: 'IKEY', model: '(' }] }],
  ])('names %s when it is wrong, never its value', (field, change) => {
    const error = domainErrorOf(() => validateConfig({ ...minimal, ...change }));
    expect(error.code).toBe('AGENT_CONFIG_INVALID');
    expect(error.details).toEqual({ field });
  });

  it('reads the file, then lets AGENT_* variables override it; the key may come from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-config-'));
    const keyFile = join(dir, 'kiosk.key');
    writeFileSync(keyFile, `${key}\n`);
    const file = join(dir, 'agent.json');
    writeFileSync(file, JSON.stringify({ ...minimal, kioskKey: undefined, kioskKeyFile: keyFile, port: 3200 }));
    const config = loadAgentConfig(file, {
      AGENT_PORT: '3300',
      AGENT_ALLOWED_ORIGINS: 'https://a.test,https://b.test',
    });
    expect(config.port).toBe(3300);
    expect(config.allowedOrigins).toEqual(['https://a.test', 'https://b.test']);
    expect(Buffer.from(config.kioskKey).toString('base64url')).toBe(key);
  });

  it('reports an unreadable config file as such', () => {
    expect(domainErrorOf(() => loadAgentConfig('/nonexistent/agent.json', {})).details).toEqual({
      field: 'configFile',
    });
  });

  it('takes token type rules with their certificate capacity', () => {
    const config = validateConfig({
      ...minimal,
      tokenTypeRules: [{ type: 'EZSIGN', model: 'ez', certificateCapacity: 4 }],
    });
    expect(config.tokenTypeRules?.[0]).toMatchObject({ type: 'EZSIGN', certificateCapacity: 4 });
    expect(config.tokenTypeRules?.[0].model?.test('EZSIGN 2')).toBe(true);
  });
});
