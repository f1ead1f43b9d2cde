import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { type AgentCheck, type AgentEnvironment, type AgentToken, DomainError } from '@app/contracts';
import { type ModuleInfo } from '@app/pkcs11';
import { type AgentConfig } from './config/agent-config';
import { type TokenService } from './token/token-service';
import { AGENT_VERSION } from './version';

/** Before this instant the computer's clock is certainly wrong (certificates would look not yet valid). */
const EARLIEST_PLAUSIBLE_CLOCK = Date.parse('2025-01-01T00:00:00Z');

/**
 * The environment report (manual: 環境檢測): agent version, PKCS#11 module and its C_GetInfo,
 * tokens with their PIN state, the clock, and whether the data folder is writable. Each failed
 * check carries the error code whose FAQ entry says how to fix it; `ok` is false when any failed.
 */
export async function environmentReport(config: AgentConfig, tokens: TokenService): Promise<AgentEnvironment> {
  const checks: AgentCheck[] = [{ name: 'config', ok: true }];
  let module: ModuleInfo | undefined;
  let present: AgentToken[] = [];
  try {
    module = tokens.moduleInfo();
    checks.push({ name: 'module', ok: true });
    present = await tokens.tokens();
    checks.push({ name: 'tokens', ok: true, detail: `${present.length}` });
  } catch (e) {
    const code = e instanceof DomainError ? e.code : 'TOKEN_ERROR';
    checks.push({ name: module ? 'tokens' : 'module', ok: false, code, detail: config.modulePath });
  }
  const now = new Date();
  checks.push({ name: 'clock', ok: now.getTime() > EARLIEST_PLAUSIBLE_CLOCK, detail: now.toISOString() });
  checks.push(await storeCheck(config.dataDir));
  return {
    agentVersion: AGENT_VERSION,
    mode: config.mode,
    kioskCode: config.kioskCode,
    ...(module ? { module } : {}),
    tokens: present,
    clock: now.toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    checks,
    ok: checks.every((c) => c.ok),
  };
}

async function storeCheck(dir: string): Promise<AgentCheck> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await access(dir, constants.W_OK);
    return { name: 'store', ok: true };
  } catch {
    return { name: 'store', ok: false, detail: dir };
  }
}
