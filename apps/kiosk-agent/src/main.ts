import { existsSync } from 'node:fs';
import { DomainError, errorMessage } from '@app/contracts';
import { loadAgentConfig } from './config/agent-config';
import { startAgent } from './agent-server';
import { environmentReport } from './environment';
import { TokenService } from './token/token-service';

/**
 * The kiosk agent's entry: `node main.js [--config <file>] [--check]`. The config file defaults to
 * AGENT_CONFIG, then `kiosk-agent.json` in the working folder; `AGENT_*` variables override it.
 * `--check` prints the environment report and exits 1 when something is wrong.
 */
async function main(argv: readonly string[]): Promise<number> {
  const at = argv.indexOf('--config');
  const file = at >= 0 ? argv[at + 1] : (process.env.AGENT_CONFIG ?? defaultFile());
  const config = loadAgentConfig(file);

  if (argv.includes('--check')) {
    const tokens = new TokenService(config);
    const report = await environmentReport(config, tokens);
    await tokens.dispose().catch(() => undefined);
    console.log(JSON.stringify(report, null, 2));
    return report.ok ? 0 : 1;
  }

  const agent = await startAgent(config);
  console.log(`kiosk agent ${config.kioskCode} (${config.mode}) on ${agent.url}`);
  const stop = () => void agent.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

function defaultFile(): string | undefined {
  return existsSync('kiosk-agent.json') ? 'kiosk-agent.json' : undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    if (e instanceof DomainError) console.error(errorMessage(e.code, 'en', e.details));
    else console.error(`kiosk agent failed to start: ${e instanceof Error ? e.message : 'unknown error'}`);
    process.exit(1);
  },
);
