import 'reflect-metadata';
import { caPassphrase } from '../ca/ca-keystore';
import { createCaHierarchy } from '../ca/ca-hierarchy';
import { loadEnv } from '../config/env';

/**
 * `npm run ca:init`: a first run's CA hierarchy (root → issuing "FXML CA") in CA_DIR, the keys as
 * encrypted PKCS#8 under CA_KEY_PASSPHRASE (or the file CA_KEY_PASSPHRASE_FILE). Refuses to overwrite.
 */
async function main(): Promise<void> {
  const env = loadEnv({ JWT_SECRET: 'x'.repeat(32), ...process.env });
  const organization = process.env.CA_ORGANIZATION ?? 'branch-ra Demo Bank';
  const result = await createCaHierarchy({ dir: env.CA_DIR, passphrase: caPassphrase(env), organization });
  console.log(`CA created in ${env.CA_DIR}: root ${result.rootSerial}, issuing ${result.issuingSerial}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
