import { join } from 'node:path';

/** Where `npm run ca:init` writes the hierarchy and where the API reads it. */
export function caFiles(dir: string) {
  return {
    rootCertificate: join(dir, 'root.crt'),
    issuingCertificate: join(dir, 'issuing.crt'),
    /** Encrypted PKCS#8 (PEM, AES-256-CBC, scrypt/PBKDF2 by OpenSSL's defaults). */
    issuingKey: join(dir, 'issuing.key.pem'),
    /** The root key belongs offline; the demo keeps it here, encrypted like the issuing key. */
    rootKey: join(dir, 'root.key.pem'),
  };
}
