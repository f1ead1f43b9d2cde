import { describe, expect, it } from '@jest/globals';
import { X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentUrlFromLocation, derToPem } from './agent-client';

describe('kiosk agent client helpers', () => {
  it('takes the agent origin from ?agent= only when it is a bare http(s) origin', () => {
    expect(agentUrlFromLocation('')).toBe('http://127.0.0.1:3100');
    expect(agentUrlFromLocation('?agent=http%3A%2F%2F127.0.0.1%3A41234')).toBe('http://127.0.0.1:41234');
    for (const bad of ['javascript:alert(1)', 'http://127.0.0.1:3100/v1', 'ftp://127.0.0.1', 'http://a b'])
      expect(agentUrlFromLocation(`?agent=${encodeURIComponent(bad)}`)).toBe('http://127.0.0.1:3100');
  });

  it('wraps a DER certificate as PEM that openssl and Node read back unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-pem-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=kiosk-pem',
          '-keyout',
          join(dir, 'k.pem'),
          '-out',
          join(dir, 'c.der'),
          '-outform',
          'DER',
          '-days',
          '1',
        ],
        { stdio: 'ignore' },
      );
      const der = readFileSync(join(dir, 'c.der'));
      const pem = derToPem(der.toString('base64'));
      expect(pem.split('\n').every((line) => line.length <= 64)).toBe(true);
      expect(Buffer.from(new X509Certificate(pem).raw)).toEqual(der);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
