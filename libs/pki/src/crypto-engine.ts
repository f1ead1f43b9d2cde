import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

/** WebCrypto types as Node declares them (this project compiles without the DOM library). */
export type CryptoKey = webcrypto.CryptoKey;
export type SubtleCrypto = webcrypto.SubtleCrypto;

let engine: pkijs.CryptoEngine | undefined;

/**
 * The pkijs crypto engine on Node's WebCrypto, registered once per process. The functions of this
 * library that let pkijs verify or encrypt pass it explicitly; signing goes through the caller's
 * `SubtleCrypto` instead, so that a key held by a PKCS#11 token can sign too.
 */
export function pkiEngine(): pkijs.CryptoEngine {
  if (!engine) {
    // Node's Crypto and the DOM's (pulled into the program by @types/pdfmake) differ in typing only.
    const crypto = webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
    engine = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto });
    pkijs.setEngine('node-webcrypto', engine);
  }
  return engine;
}

/** Node's WebCrypto `subtle`: the default for keys that live in this process. */
export const nodeSubtle: SubtleCrypto = webcrypto.subtle;
