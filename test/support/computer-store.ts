import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import type { KioskWorld } from './kiosk-world';

/** Serials as hex digits without leading zeros: OpenSSL, Node, the agent and the API pad them differently. */
export const normSerial = (hex: string) => hex.replace(/^0+/, '').toLowerCase();

/**
 * The entries of the agent's computer store (which must be open), each with the public key of its
 * certificate and of its private key as SPKI DER in base64: a pair belongs together when they are
 * equal. `certified` and `serial` are null for a key still waiting for its certificate.
 */
export async function storeKeyPairs(world: KioskWorld) {
  const entries = await world.agent.services.store.entries();
  return entries.map((e) => {
    const certificate = e.certificate ? new X509Certificate(Buffer.from(e.certificate)) : null;
    return {
      id: e.id,
      certified: certificate?.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') ?? null,
      held: createPublicKey(createPrivateKey({ key: Buffer.from(e.privateKeyPkcs8), format: 'der', type: 'pkcs8' }))
        .export({ type: 'spki', format: 'der' })
        .toString('base64'),
      serial: certificate ? normSerial(certificate.serialNumber) : null,
    };
  });
}
