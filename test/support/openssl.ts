import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The entry of `serialHex` in `openssl crl -text` output (its lines up to the next entry), or null
 * when the CRL does not list it. OpenSSL prints serials in upper case, with a leading zero at times.
 */
export function crlEntry(crlText: string, serialHex: string): string | null {
  const match = new RegExp(
    `Serial Number: 0*${serialHex.replace(/^0+/, '').toUpperCase()}\\n([\\s\\S]*?)(?=Serial Number:|Signature Algorithm|$)`,
  ).exec(crlText);
  return match ? match[0] : null;
}

/** A scratch folder for OpenSSL, the interop judge of the PKI suites. */
export class OpenSsl {
  readonly dir = mkdtempSync(join(tmpdir(), 'branch-ra-openssl-'));

  file(name: string, content: string | Uint8Array): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  /** Runs openssl; returns stdout and stderr together (it reports e.g. "verify OK" on stderr), throwing on failure. */
  run(...args: string[]): string {
    const r = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${out}`);
    return out;
  }

  /**
   * Runs openssl without blocking the event loop: needed when it talks to a server in this very
   * process (e.g. `openssl ocsp -url`), which could not answer while a synchronous call waits.
   */
  runAsync(...args: string[]): Promise<string> {
    return new Promise((resolve, reject) =>
      execFile('openssl', args, { cwd: this.dir, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`openssl ${args.join(' ')} failed:\n${stdout}${stderr}`)) : resolve(stdout + stderr),
      ),
    );
  }

  /** A fresh RSA key and a CSR for it (subject as OpenSSL writes it, e.g. `/CN=x`), in PEM. */
  csr(name: string, subject = '/CN=whatever-the-customer-typed', bits = 2048): string {
    this.run(
      'req',
      '-new',
      '-newkey',
      `rsa:${bits}`,
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-subj',
      subject,
      '-out',
      `${name}.csr`,
    );
    return this.path(`${name}.csr`);
  }

  /** The public key of a PEM CSR as OpenSSL reads it, SPKI DER in base64 (the agent's wire form); `name` names its file. */
  csrPublicKey(name: string, csrPem: string): string {
    const pem = this.run('req', '-in', this.file(`${name}.csr`, csrPem), '-pubkey', '-noout');
    return pem.replace(/-----[A-Z ]+-----|\s+/g, '');
  }

  /**
   * `openssl crl -text` of a DER CRL, checked against the chain in `chainFile` (in this folder):
   * throws unless OpenSSL says the CA's signature holds.
   */
  crlText(der: Uint8Array, chainFile = 'chain.pem'): string {
    this.file('current.crl', der);
    const text = this.run('crl', '-inform', 'DER', '-in', 'current.crl', '-noout', '-text', '-CAfile', chainFile);
    if (!text.includes('verify OK')) throw new Error(`CRL does not verify:\n${text}`);
    return text;
  }

  /** `openssl verify` of one PEM certificate file against the chain in `chainFile` (both in this folder). */
  verify(certificateFile: string, chainFile = 'chain.pem'): string {
    return this.run('verify', '-CAfile', chainFile, certificateFile);
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
