import 'reflect-metadata';
import { caPassphrase } from '../ca/ca-keystore';
import { createCaHierarchy } from '../ca/ca-hierarchy';
import { openCaToken } from '../ca/ca-token';
import { loadEnv } from '../config/env';

/**
 * `npm run ca:init`: a first run's CA hierarchy (root → issuing "FXML CA") in CA_DIR, the root key as
 * encrypted PKCS#8 under CA_KEY_PASSPHRASE (or the file CA_KEY_PASSPHRASE_FILE). The issuing key is
 * encrypted the same way, or with CA_KEY_STORE=pkcs11 generated on the CA token as
 * CA_PKCS11_KEY_LABEL, never leaving it. Refuses to overwrite.
 */
async function main(): Promise<void> {
  const env = loadEnv({ JWT_SECRET: 'x'.repeat(32), ...process.env });
  const organization = process.env.CA_ORGANIZATION ?? 'branch-ra Demo Bank';
  const input = { dir: env.CA_DIR, passphrase: caPassphrase(env), organization };
  const token = env.CA_KEY_STORE === 'pkcs11' ? await openCaToken(env) : undefined;
  try {
    const result = await createCaHierarchy(
      token ? { ...input, issuingToken: { session: token.session, keyLabel: env.CA_PKCS11_KEY_LABEL } } : input,
    );
    const where = token ? `, issuing key "${env.CA_PKCS11_KEY_LABEL}" on token "${token.label}"` : '';
    console.log(`CA created in ${env.CA_DIR}${where}: root ${result.rootSerial}, issuing ${result.issuingSerial}`);
  } finally {
    await token?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
