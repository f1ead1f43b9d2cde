import { describe, expect, it } from '@jest/globals';
import { agentUrlFromLocation, derToPem } from './agent-client';

describe('kiosk agent client helpers', () => {
  it('takes the agent origin from ?agent= only when it is a bare http(s) origin', () => {
    expect(agentUrlFromLocation('')).toBe('http://127.0.0.1:3100');
    expect(agentUrlFromLocation('?agent=http%3A%2F%2F127.0.0.1%3A41234')).toBe('http://127.0.0.1:41234');
    for (const bad of ['javascript:alert(1)', 'http://127.0.0.1:3100/v1', 'ftp://127.0.0.1', 'http://a b'])
      expect(agentUrlFromLocation(`?agent=${encodeURIComponent(bad)}`)).toBe('http://127.0.0.1:3100');
  });

  it('wraps base64 DER in PEM lines of at most 64 characters, losing nothing', () => {
    // The browser tests install real certificates through this; here the framing alone.
    const base64 = 'MII' + 'A'.repeat(200) + '==';
    const pem = derToPem(base64);
    const lines = pem.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(lines.slice(1, -1).every((line) => line.length <= 64)).toBe(true);
    expect(lines.slice(1, -1).join('')).toBe(base64);
  });
});
