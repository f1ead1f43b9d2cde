import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { toPem } from './bytes';
import { caIssuer, type CaIssuer } from './certificate-info';
import { issueCertificate, issueOcspResponderCertificate, randomSerial } from './issue-certificate';
import { buildOcspResponse, certIdMatchesIssuer, ocspErrorResponse, type OcspStatus, parseOcspRequest } from './ocsp';
import { createTestHierarchy, type TestHierarchy } from './testing/hierarchy';
import { rsaKeyPair } from './testing/keys';
import { OpensslWorkspace } from './testing/openssl';

const DAY = 24 * 3600 * 1000;

describe('OCSP', () => {
  const ws = new OpensslWorkspace();
  let h: TestHierarchy;
  let serial: string;
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);

  beforeAll(async () => {
    h = await createTestHierarchy();
    ws.file('root.pem', toPem(h.root, 'CERTIFICATE'));
    ws.file('issuing.pem', toPem(h.issuing, 'CERTIFICATE'));
    const keys = await rsaKeyPair();
    serial = randomSerial();
    const leaf = await issueCertificate({
      publicKey: new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey)),
      subject: [{ type: 'CN', value: 'U139514691-00-090319' }],
      usage: 'SIGNING',
      serial,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 365 * DAY),
      profile: { policyOids: [], crlUrls: [], ocspUrls: ['http://127.0.0.1/pki/ocsp'] },
      issuer: h.issuingCa,
    });
    ws.file('leaf.pem', toPem(leaf, 'CERTIFICATE'));
  });
  afterAll(() => ws.dispose());

  /** openssl makes a request (with a nonce), we answer `status`, openssl checks the answer against its request. */
  async function roundTrip(
    status: OcspStatus,
    name: string,
    signer: { responder: CaIssuer; delegated?: boolean } = { responder: h.issuingCa },
  ): Promise<string> {
    ws.run(['ocsp', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-reqout', `${name}.req`]);
    const request = parseOcspRequest(new Uint8Array(readFileSync(`${ws.dir}/${name}.req`)));
    expect(request.certIds).toHaveLength(1);
    expect(request.certIds[0].serial).toBe(serial);
    expect(certIdMatchesIssuer(request.certIds[0], h.issuingCa.certificate)).toBe(true);
    expect(certIdMatchesIssuer(request.certIds[0], h.rootCa.certificate)).toBe(false);
    expect(request.nonce).toBeDefined();
    const response = await buildOcspResponse({
      ...signer,
      answers: [{ certId: request.certIds[0], status }],
      producedAt: now,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + DAY),
      nonce: request.nonce,
    });
    ws.file(`${name}.resp`, response);
    // against the request it made: signature and nonce
    const checked = ws.run([
      'ocsp',
      '-reqin',
      `${name}.req`,
      '-respin',
      `${name}.resp`,
      '-CAfile',
      'root.pem',
      '-verify_other',
      'issuing.pem',
      '-resp_text',
    ]);
    // for the certificate: the status line
    const line = ws.run([
      'ocsp',
      '-respin',
      `${name}.resp`,
      '-issuer',
      'issuing.pem',
      '-cert',
      'leaf.pem',
      '-no_nonce',
      '-CAfile',
      'root.pem',
      '-verify_other',
      'issuing.pem',
    ]);
    return checked + line;
  }

  it('answers good, signed by the issuing CA, with the nonce echoed', async () => {
    const out = await roundTrip({ status: 'good' }, 'good');
    expect(out).toContain('Response verify OK');
    expect(out).toMatch(/leaf\.pem: good/);
    expect(out).not.toMatch(/nonce verify error|no nonce/i);
    expect(out).toContain('OCSP Nonce');
    expect(out).toMatch(/Responder Id: [0-9A-F]{40}/);
  });

  it('answers revoked with the reason, and a hold as certificateHold', async () => {
    const revoked = await roundTrip({ status: 'revoked', revokedAt: now, reason: 'KEY_COMPROMISE' }, 'revoked');
    expect(revoked).toContain('Response verify OK');
    expect(revoked).toMatch(/leaf\.pem: revoked/);
    expect(revoked).toMatch(/Revocation Reason: keyCompromise \(0x1\)/);
    const held = await roundTrip({ status: 'revoked', revokedAt: now, reason: 'CERTIFICATE_HOLD' }, 'held');
    expect(held).toMatch(/Revocation Reason: certificateHold \(0x6\)/);
  });

  /** A responder key certified by the issuing CA: what the API uses so the CA key signs OCSP rarely. */
  async function delegatedResponder(issue: typeof issueOcspResponderCertificate | typeof issueCertificate) {
    const keys = await rsaKeyPair();
    const publicKey = new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey));
    const subject = [{ type: 'CN' as const, value: 'FXML CA OCSP Responder' }];
    const validity = { notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 2 * DAY) };
    const der =
      issue === issueOcspResponderCertificate
        ? await issueOcspResponderCertificate({ publicKey, subject, ...validity, issuer: h.issuingCa })
        : await issueCertificate({
            publicKey,
            subject,
            usage: 'SIGNING',
            serial: randomSerial(),
            ...validity,
            profile: { policyOids: [], crlUrls: [], ocspUrls: [] },
            issuer: h.issuingCa,
          });
    return { responder: caIssuer(der, { privateKey: keys.privateKey }), delegated: true, der };
  }

  it('is signed by a delegated responder the issuing CA certified for OCSP signing', async () => {
    const signer = await delegatedResponder(issueOcspResponderCertificate);
    ws.file('responder.pem', toPem(signer.der, 'CERTIFICATE'));
    const text = ws.run(['x509', '-in', 'responder.pem', '-noout', '-text']);
    expect(text).toMatch(/Extended Key Usage:\s*\n\s*OCSP Signing/);
    expect(text).toContain('OCSP No Check');
    expect(text).toMatch(/Key Usage: critical\s*\n\s*Digital Signature\s*\n/);

    const out = await roundTrip({ status: 'revoked', revokedAt: now, reason: 'CERTIFICATE_HOLD' }, 'delegated', signer);
    expect(out).toContain('Response verify OK');
    expect(out).toMatch(/leaf\.pem: revoked/);
    expect(out).toMatch(/Revocation Reason: certificateHold \(0x6\)/);
    // the responder's certificate travels in the response, so a client needs only the CA chain
    expect(out).toContain('CN=FXML CA OCSP Responder');
  });

  it('is refused when the delegated certificate lacks id-kp-OCSPSigning', async () => {
    const signer = await delegatedResponder(issueCertificate);
    ws.run(['ocsp', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-reqout', 'noeku.req']);
    const request = parseOcspRequest(new Uint8Array(readFileSync(`${ws.dir}/noeku.req`)));
    ws.file(
      'noeku.resp',
      await buildOcspResponse({
        ...signer,
        answers: [{ certId: request.certIds[0], status: { status: 'good' } }],
        producedAt: now,
        thisUpdate: now,
        nonce: request.nonce,
      }),
    );
    const args = ['ocsp', '-reqin', 'noeku.req', '-respin', 'noeku.resp', '-CAfile', 'root.pem'];
    const { status, out } = ws.runStatus([...args, '-verify_other', 'issuing.pem']);
    expect(out).not.toContain('Response verify OK');
    expect(status).not.toBe(0);
  });

  it('answers unknown', async () => {
    expect(await roundTrip({ status: 'unknown' }, 'unknown')).toMatch(/leaf\.pem: unknown/);
  });

  it('is refused when signed by a CA that did not issue the certificate', async () => {
    const other = await createTestHierarchy();
    ws.run(['ocsp', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-reqout', 'x.req']);
    const request = parseOcspRequest(new Uint8Array(readFileSync(`${ws.dir}/x.req`)));
    const response = await buildOcspResponse({
      responder: other.issuingCa,
      answers: [{ certId: request.certIds[0], status: { status: 'good' } }],
      producedAt: now,
      thisUpdate: now,
      nonce: request.nonce,
    });
    ws.file('x.resp', response);
    const { status, out } = ws.runStatus([
      'ocsp',
      '-reqin',
      'x.req',
      '-respin',
      'x.resp',
      '-CAfile',
      'root.pem',
      '-verify_other',
      'issuing.pem',
    ]);
    expect(out).not.toContain('Response verify OK');
    expect(out).toMatch(/Response Verify Failure/i);
    expect(status).not.toBe(0);
  });

  it('refuses garbage and answers malformedRequest', () => {
    expect(() => parseOcspRequest(new Uint8Array([0x30, 0x00]))).toThrow(
      expect.objectContaining({ code: 'PKI_DATA_MALFORMED' }) as unknown as Error,
    );
    const { out } = ws.runStatus([
      'ocsp',
      '-respin',
      ws.file('err.resp', ocspErrorResponse('malformedRequest')),
      '-resp_text',
      '-noverify',
    ]);
    expect(out).toMatch(/Responder Error: malformedrequest \(1\)/i);
  });
});
