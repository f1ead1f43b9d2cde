import {
  AGENT_PATHS,
  type ExportStoreResponse,
  type GenerateKeysResponse,
  type InstallCertificatesResponse,
  type ListObjectsResponse,
  type PendingKey,
  type SignChallengeResponse,
} from '@app/contracts';
import { DEFAULT_PKCS12_MAX_BYTES, toPem } from '@app/pki';
import { type Route } from '../http/router';
import { base64Bytes, optionalString, requiredString, stringList } from '../http/request-fields';
import { certificateDetails } from '../pki/certificate-details';
import { checkChallenge } from '../pki/challenge-check';
import { certificatePem, subjectOf } from '../pki/subject';
import { publicKeyOf, type StoreEntry } from '../store/software-store';
import { type AgentServices } from './agent-services';
import { usagesOf } from './token.routes';

const MAX_CHALLENGE_BYTES = 2048;

/** The "PC" medium: the computer's encrypted certificate store, with PKCS#12 backup and restore. */
export function storeRoutes(s: AgentServices): Route[] {
  const entryId = (body: Record<string, unknown>) => requiredString(body, 'id', 64);
  return [
    {
      method: 'POST',
      path: AGENT_PATHS.storeOpen,
      handler: async ({ body }) => {
        await s.store.open(optionalString(body, 'password', 128));
        return { open: true };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.storeKeys,
      handler: async ({ body }): Promise<GenerateKeysResponse> => ({
        keys: await s.store.generate(
          subjectOf(body.subject),
          optionalString(body, 'label', 32) ?? 'branch-ra',
          usagesOf(body),
        ),
      }),
    },
    {
      method: 'POST',
      path: AGENT_PATHS.storeCertificates,
      handler: async ({ body }): Promise<InstallCertificatesResponse> => {
        const certificates = stringList(body, 'certificates', 10, true).map((pem) =>
          certificatePem(pem, 'certificates'),
        );
        const chain = stringList(body, 'chain', 10, false).map((pem) => certificatePem(pem, 'chain'));
        const installed = [];
        for (const der of certificates) {
          const entry = await s.store.install(der, chain);
          installed.push({ id: entry.id, serialNumber: certificateDetails(detailsInput(entry)).serialNumber });
        }
        return { installed };
      },
    },
    {
      method: 'GET',
      path: AGENT_PATHS.storeObjects,
      handler: async (): Promise<ListObjectsResponse> => {
        const entries = await s.store.entries();
        const pending = entries.filter((e) => !e.certificate).map(pendingKey);
        return {
          certificates: entries.filter((e) => e.certificate).map((e) => certificateDetails(detailsInput(e))),
          pendingKeys: pending.map((k) => k.id),
          pendingKeyDetails: pending,
        };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.storeDelete,
      handler: async ({ body }) => {
        const entry = await s.store.remove(entryId(body));
        // The store keeps a key pair as one private key; its public half is derived, not stored.
        return { certificates: entry.certificate ? 1 : 0, privateKeys: 1, publicKeys: 0 };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.storeSign,
      handler: async ({ body, origin }): Promise<SignChallengeResponse> => {
        const challenge = base64Bytes(body, 'challenge', MAX_CHALLENGE_BYTES);
        checkChallenge(challenge, origin);
        const { signature, certificate } = await s.store.sign(entryId(body), challenge);
        return {
          signature: Buffer.from(signature).toString('base64'),
          ...(certificate ? { certificatePem: toPem(certificate, 'CERTIFICATE') } : {}),
        };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.storeExport,
      handler: async ({ body }): Promise<ExportStoreResponse> => {
        const id = entryId(body);
        const pkcs12 = await s.store.exportPkcs12(id, requiredString(body, 'password', 128));
        return { pkcs12: Buffer.from(pkcs12).toString('base64'), fileName: `certificate-${id.slice(0, 8)}.p12` };
      },
    },
    {
      method: 'POST',
      path: AGENT_PATHS.storeImport,
      handler: async ({ body }) => {
        const der = base64Bytes(body, 'pkcs12', DEFAULT_PKCS12_MAX_BYTES);
        const entry = await s.store.importPkcs12(der, requiredString(body, 'password', 128));
        return { id: entry.id, certificate: certificateDetails(detailsInput(entry)) };
      },
    },
  ];
}

function detailsInput(entry: StoreEntry) {
  return {
    id: Buffer.from(entry.id, 'hex'),
    label: entry.label,
    der: entry.certificate ?? new Uint8Array(),
    authority: false,
    hasPrivateKey: true,
  };
}

/** A key waiting for its certificate, as the token route gives it: what proving with the ID number needs. */
function pendingKey(entry: StoreEntry): PendingKey {
  return {
    id: entry.id,
    label: entry.label,
    ...(entry.usage ? { usage: entry.usage } : {}),
    publicKey: Buffer.from(publicKeyOf(entry)).toString('base64'),
  };
}
