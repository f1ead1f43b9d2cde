import { expect, it } from '@jest/globals';
import { createCaHierarchy } from '@app/api/ca/ca-hierarchy';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCrl, CRL_ENTRIES } from './crl';
import { benchIssuance, ISSUANCE_COUNT } from './issuance';
import { renderReport, writeReport } from './report';

const PASSPHRASE = 'bench-ca-passphrase-0123';

it('measures issuance and a 100k-entry CRL, and writes docs/benchmarks.md', async () => {
  const workDir = mkdtempSync(join(tmpdir(), 'branch-ra-bench-'));
  try {
    const caDir = join(workDir, 'ca');
    await createCaHierarchy({ dir: caDir, passphrase: PASSPHRASE, organization: 'Bench Bank' });
    const date = new Date();
    const load = loadavg();
    const issuance = await benchIssuance(workDir, caDir, PASSPHRASE);
    const crl = benchCrl(workDir, caDir, PASSPHRASE, process.cwd());
    const report = renderReport(issuance, crl, date, load);
    writeReport('docs/benchmarks.md', report);
    process.stdout.write(`\n${report}\n`);
    expect(issuance.count).toBe(ISSUANCE_COUNT);
    expect(crl.entries).toBe(CRL_ENTRIES);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});
