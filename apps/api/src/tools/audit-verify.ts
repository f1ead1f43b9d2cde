import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { auditHmacKey } from '../audit/audit-chain';
import { verifyAuditChain } from '../audit/audit-verifier';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from '../database/data-source-options';

/**
 * `npm run audit:verify`: walks the audit chain of DATABASE_URL with the key from AUDIT_HMAC_KEY(_FILE).
 * Exit 0 when intact, 1 naming the first broken event (and the others found), 2 when it cannot check.
 */
async function main(): Promise<number> {
  const env = loadEnv({ JWT_SECRET: 'x'.repeat(32), ...process.env });
  const key = auditHmacKey(env);
  const dataSource = new DataSource(dataSourceOptions(env));
  await dataSource.initialize();
  try {
    const report = await verifyAuditChain(dataSource, key);
    const summary = `${report.checked} chained events up to seq ${report.lastSeq}, ${report.preChain} pre-chain`;
    if (report.ok) {
      console.log(`audit chain intact: ${summary}; last hmac ${report.lastHmac ?? '-'}`);
      return 0;
    }
    const [first, ...rest] = report.breaks;
    console.error(`audit chain BROKEN: first broken event ${describe(first)}`);
    for (const b of rest) console.error(`  also ${describe(b)}`);
    console.error(summary);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

function describe(b: { seq: string | null; id: string | null; reason: string }): string {
  return `seq=${b.seq ?? '-'} id=${b.id ?? '-'} reason=${b.reason}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify could not check the chain: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
