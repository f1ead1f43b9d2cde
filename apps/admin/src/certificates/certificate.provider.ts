import type { IdentityDocument, RevocationReason } from '@app/contracts';
import type { Client } from '../data/apollo-client';
import {
  blankToNull,
  MAX_TAKE,
  pageArgs,
  pickFilter,
  read,
  write,
  type ResourceProvider,
} from '../data/resource-provider';
import {
  CERTIFICATE,
  CERTIFICATES,
  REQUEST_UNSUSPEND,
  REVOKE_CERTIFICATE,
  SUSPEND_CERTIFICATE,
} from './certificate.queries';
import type { CertificateDetail, CertificateFilter, CertificateRow } from './certificate.types';
import { expiryWindow } from './expiry-window';

const SORTABLE = ['notAfter', 'notBefore', 'commonName', 'status', 'statusChangedAt', 'createdAt'] as const;
const FILTERS = [
  'idNumber',
  'commonName',
  'serialHex',
  'status',
  'branchId',
  'customerId',
  'tokenId',
  'statusChangedBefore',
] as const;

/** What the show page's buttons ask for, through react-admin's update with `meta`. */
export type CertificateAction =
  | { action: 'suspend' }
  | { action: 'revoke'; reason: RevocationReason }
  | { action: 'requestUnsuspend'; documentType: IdentityDocument; seenInPerson: boolean; note?: string };

/** Certificates at the counter: search, details with history, and the counter's actions. */
/** The list's filter values as the API takes them (also the CSV export's filter). */
export function certificateListFilter(raw: Record<string, unknown> | undefined): CertificateFilter {
  return {
    ...(pickFilter(raw, FILTERS) as CertificateFilter),
    ...expiryWindow(raw?.notAfterFrom, raw?.notAfterTo),
  };
}

export function certificateProvider(client: Client): ResourceProvider<CertificateRow | CertificateDetail> {
  return {
    async getList(params) {
      const filter = certificateListFilter(params.filter);
      const { certificates } = await read(client, CERTIFICATES, pageArgs(params, SORTABLE, filter));
      return { data: certificates.items, total: certificates.total };
    },
    async getOne({ id }) {
      return { data: (await read(client, CERTIFICATE, { id: String(id) })).certificate };
    },
    async getMany({ ids }) {
      const filter: CertificateFilter = { ids: ids.slice(0, MAX_TAKE).map(String) };
      const { certificates } = await read(client, CERTIFICATES, { skip: 0, take: MAX_TAKE, filter });
      return { data: certificates.items };
    },
    async update({ id, previousData, meta }) {
      const what = meta as CertificateAction;
      const certificate = { id: String(id), version: Number(previousData.version) };
      switch (what.action) {
        case 'suspend':
          return { data: (await write(client, SUSPEND_CERTIFICATE, certificate)).suspendCertificate };
        case 'revoke':
          return {
            data: (await write(client, REVOKE_CERTIFICATE, { ...certificate, reason: what.reason })).revokeCertificate,
          };
        case 'requestUnsuspend': {
          const input = {
            certificateId: certificate.id,
            documentType: what.documentType,
            seenInPerson: what.seenInPerson,
            note: blankToNull(what.note),
          };
          await write(client, REQUEST_UNSUSPEND, { input });
          // Four eyes may be off: the certificate's own state says what happened.
          return { data: (await read(client, CERTIFICATE, { id: certificate.id })).certificate };
        }
      }
    },
  };
}
