import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENT_PAIRING_SCHEME, type AgentEnvironment } from '@app/contracts';
import { encodeKioskKey, mintPairingToken } from '@app/domain';
import { SOFTHSM_MODULE, SoftHsm } from '@app/pkcs11/testing/softhsm';

const MAIN = 'dist/apps/kiosk-agent/apps/kiosk-agent/src/main.js';
const ORIGIN = 'https://ra.bank.test';
const PIN = '246810';

/** The built agent as a branch installs it: `--check`, a config file, and a real process that never logs a PIN. */
describe('kiosk agent: the built entry point', () => {
  let hsm: SoftHsm;
  let serial: string;
  let dir: string;
  const kioskKey = new Uint8Array(randomBytes(32));

  function writeConfig(name: string, settings: Record<string, unknown>): string {
    const file = join(dir, name);
    writeFileSync(
      file,
      JSON.stringify({
        port: 0,
        allowedOrigins: [ORIGIN],
        modulePath: SOFTHSM_MODULE,
        kioskCode: 'K0060000-01',
        kioskKey: encodeKioskKey(kioskKey),
        dataDir: join(dir, 'data'),
        ...settings,
      }),
    );
    return file;
  }

  function run(args: string[]) {
    return spawnSync(process.execPath, [MAIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, SOFTHSM2_CONF: hsm.confPath },
    });
  }

  beforeAll(() => {
    const build = spawnSync('npm', ['run', 'build:agent'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build:agent failed:\n${build.stdout}${build.stderr}`);
    hsm = new SoftHsm();
    serial = hsm.initToken({ label: 'cli', pin: PIN });
    dir = mkdtempSync(join(tmpdir(), 'kiosk-agent-cli-'));
  });

  afterAll(() => {
    hsm.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--check prints the environment report and exits 0 when all is well', () => {
    const res = run(['--config', writeConfig('ok.json', {}), '--check']);
    expect(res.status).toBe(0);
    const report = JSON.parse(res.stdout) as AgentEnvironment;
    expect(report).toMatchObject({ ok: true, kioskCode: 'K0060000-01', tokens: [{ serial, label: 'cli' }] });
    expect(res.stdout).not.toContain(encodeKioskKey(kioskKey));
  });

  it('--check exits non-zero and names the problem when the PKCS#11 module cannot be loaded', () => {
    const res = run([
      '--config',
      writeConfig('bad-module.json', { modulePath: '/nonexistent/libvendor.so' }),
      '--check',
    ]);
    expect(res.status).toBe(1);
    const report = JSON.parse(res.stdout) as AgentEnvironment;
    expect(report.ok).toBe(false);
    expect(report.checks).toContainEqual(
      expect.objectContaining({ name: 'module', ok: false, code: 'TOKEN_MODULE_UNAVAILABLE' }),
    );
  });

  it('refuses to start on a bad config, naming the setting and never the key', () => {
    const res = run(['--config', writeConfig('bad-origin.json', { allowedOrigins: ['https://ra.bank.test/'] })]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('allowedOrigins');
    const noKey = run(['--config', writeConfig('bad-key.json', { kioskKey: 'short' }), '--check']);
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toContain('kioskKey');
    expect(noKey.stderr).not.toContain('short');
  });

  it('serves as a real process and writes no PIN to its output', async () => {
    const child: ChildProcess = spawn(process.execPath, [MAIN, '--config', writeConfig('serve.json', {})], {
      env: { ...process.env, SOFTHSM2_CONF: hsm.confPath },
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    try {
      while (!/on (http:\/\/127\.0\.0\.1:\d+)/.test(output)) await new Promise((r) => setTimeout(r, 20));
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1];
      const now = Math.floor(Date.now() / 1000);
      const token = await mintPairingToken(kioskKey, {
        kioskCode: 'K0060000-01',
        sessionId: 'cli-session',
        origin: ORIGIN,
        issuedAt: now,
        expiresAt: now + 600,
      });
      const call = (path: string, body: unknown) =>
        fetch(`${url}${path}`, {
          method: 'POST',
          headers: {
            origin: ORIGIN,
            authorization: `${AGENT_PAIRING_SCHEME} ${token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, text: await r.text() }));
      expect((await call('/v1/session', {})).status).toBe(200);
      const wrong = await call('/v1/tokens/login', { serial, pin: '13579111' });
      expect(wrong.text).toContain('TOKEN_PIN_INCORRECT');
      expect((await call('/v1/tokens/login', { serial, pin: PIN })).status).toBe(200);
      await call('/v1/tokens/pin', { serial, oldPin: PIN, newPin: '97531864' });
      await call('/v1/store/open', { password: 'Store-Pass-77' });
      for (const secret of [PIN, '13579111', '97531864', 'Store-Pass-77']) {
        expect(wrong.text).not.toContain(secret);
        expect(output).not.toContain(secret);
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
