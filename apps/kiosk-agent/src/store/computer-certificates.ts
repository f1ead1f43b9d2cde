import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toPem } from '@app/pki';

/**
 * The computer's certificate folder: certificates copied from a token so that other programs on
 * this computer (or another one, by copying the files) can find them. Public data only; the keys
 * stay on the token. Kiosk mode empties it at the end of every customer session.
 */
export class ComputerCertificates {
  constructor(readonly dir: string) {}

  /** Writes each certificate as `<token serial>-<CKA_ID hex>.cer` (PEM) and returns the file names. */
  async copy(serial: string, certificates: readonly { id: Uint8Array; der: Uint8Array }[]): Promise<string[]> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const names: string[] = [];
    for (const c of certificates) {
      const name = `${serial.replace(/[^A-Za-z0-9]/g, '_')}-${Buffer.from(c.id).toString('hex')}.cer`;
      await writeFile(join(this.dir, name), toPem(c.der, 'CERTIFICATE'), { mode: 0o600 });
      names.push(name);
    }
    return names;
  }

  async wipe(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
