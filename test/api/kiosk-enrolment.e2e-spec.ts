import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCsr, nodeSubtle, toPem, type CryptoKey } from '@app/pki';
import { IssuanceService } from '@app/api/ca/issuance.service';
import { SEED_CUSTOMERS } from '@app/seeds/customers.data';
import { randomUUID } from 'node:crypto';
import { CounterFixture } from '../support/counter-fixture';
import { passwordOnNotice, printNotice } from '../support/notice-pdf';

const REGISTER = `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { id commonName } }`;
const OPEN = `mutation($input: OpenApplicationInput!) { openApplication(input: $input) { ticket } }`;
const TERMS = `query { termsOfUse { version text textZhTw textEn } }`;
const SUBMIT = `mutation($input: SubmitApplicationRequestsInput!) {
  submitApplicationRequests(input: $input) {
    application { id status commonName }
    certificates { id serialHex usage status medium subjectDn }
    enrolment { session expiresAt }
  }
}`;
const DOWNLOAD = `mutation($input: DownloadCertificatesInput) {
  downloadCertificates(input: $input) { certificates { id serialHex usage der publicKey } chain }
}`;
const INSTALLED = `mutation($input: ConfirmInstalledInput!) { confirmInstalled(input: $input) { id status } }`;
const REGISTER_TOKEN = `mutation($input: RegisterTokenInput!) { registerToken(input: $input) { id serial } }`;

interface KeyPair {
  publicKey: CryptoKey;
  privateKey: CryptoKey;
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]) };

async function keyPair(bits = 2048): Promise<KeyPair> {
  return (await nodeSubtle.generateKey({ ...RSA, modulusLength: bits }, true, ['sign', 'verify'])) as KeyPair;
}

async function csr(cn: string, keys: KeyPair): Promise<string> {
  return toPem(await createCsr({ subject: [{ type: 'CN', value: cn }], keyPair: keys }), 'CERTIFICATE REQUEST');
}

async function spki(keys: KeyPair): Promise<string> {
  return Buffer.from(await nodeSubtle.exportKey('spki', keys.publicKey)).toString('base64');
}

describe('kiosk enrolment: apply, download, install (MariaDB, real CA, openssl)', () => {
  let f: CounterFixture;
  let teller: string;
  let termsVersion: string;

  beforeAll(async () => {
    f = await CounterFixture.start('kiosk_enrolment');
    teller = await f.t.signIn('teller01');
    const terms = await call(TERMS);
    if (!terms.body.data) throw new Error(JSON.stringify(terms.body));
    termsVersion = terms.body.data.termsOfUse.version;
  });
  afterAll(() => f?.close());

  async function call(query: string, variables: Record<string, unknown> = {}, session?: string, lang = 'zh-TW') {
    const res = await fetch(`${f.t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': lang,
        ...(session ? { 'x-customer-session': session } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        data?: Record<string, any> | null;
        errors?: Array<{ message: string; extensions: Record<string, any> }>;
      },
    };
  }

  /** An application registered, its notice printed, opened at the kiosk with the printed password. */
  async function opened(customer = SEED_CUSTOMERS[0], medium = 'PC') {
    const reg = await f.t.gql(
      REGISTER,
      { input: { customerId: customer.id, medium, email: customer.email } },
      { token: teller },
    );
    expect(reg.body.errors).toBeUndefined();
    const app = reg.body.data!.registerApplication as { id: string; commonName: string };
    const notice = await printNotice(f.t.url, teller, app.id);
    const password = passwordOnNotice(notice.pdf);
    const open = await call(OPEN, { input: { idNumber: customer.idNumber, password } });
    expect(open.body.errors).toBeUndefined();
    return { ...app, ticket: open.body.data!.openApplication.ticket as string };
  }

  async function counts() {
    return {
      certificates: await f.count('SELECT COUNT(*) AS n FROM certificates'),
      audit: await f.count('SELECT COUNT(*) AS n FROM audit_events'),
      usedPasswords: await f.count('SELECT COUNT(*) AS n FROM application_passwords WHERE used_at IS NOT NULL'),
    };
  }

  const codeOf = (body: { errors?: Array<{ extensions: Record<string, any> }> }) => body.errors?.[0]?.extensions.code;

  it('offers its own versioned terms of use in both languages', async () => {
    const zh = await call(TERMS);
    expect(zh.body.data!.termsOfUse.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(zh.body.data!.termsOfUse.text).toContain('暫禁');
    const en = await call(TERMS, {}, undefined, 'en');
    expect(en.body.data!.termsOfUse.text).toContain('suspend');
    expect(en.body.data!.termsOfUse.textZhTw).toBe(zh.body.data!.termsOfUse.text);
  });

  it('refuses bad requests with a stable code and changes nothing', async () => {
    const app = await opened(SEED_CUSTOMERS[1]);
    const [a, b, other] = [await keyPair(), await keyPair(), await keyPair()];
    const good = { signing: await csr(app.commonName, a), encryption: await csr(app.commonName, b) };
    const before = await counts();

    const tampered = (() => {
      const der = Buffer.from(good.signing.replace(/-----[^-]+-----|\s/g, ''), 'base64');
      der[der.length - 1] ^= 0x01;
      return toPem(new Uint8Array(der), 'CERTIFICATE REQUEST');
    })();
    const weak = f.ssl.csr('weak', `/CN=${app.commonName}`, 1024);
    const { readFileSync } = await import('node:fs');
    const cases: Array<
      [string, Partial<Record<'signingCsr' | 'encryptionCsr' | 'acceptedTermsVersion', string>>, string]
    > = [
      [
        'malformed',
        { signingCsr: '-----BEGIN CERTIFICATE REQUEST-----\nMIIBAAAA\n-----END CERTIFICATE REQUEST-----\n' },
        'CSR_MALFORMED',
      ],
      ['bad signature', { signingCsr: tampered }, 'CSR_SIGNATURE_INVALID'],
      ['1024-bit key', { encryptionCsr: readFileSync(weak, 'utf8') }, 'CSR_KEY_TOO_WEAK'],
      ['other CN', { encryptionCsr: await csr(`${app.commonName.slice(0, -1)}9`, other) }, 'CSR_SUBJECT_MISMATCH'],
      ['one key for both', { encryptionCsr: good.signing }, 'CSR_KEYS_IDENTICAL'],
      ['too large', { signingCsr: good.signing + ' '.repeat(20_000) }, 'CSR_TOO_LARGE'],
      ['old terms', { acceptedTermsVersion: '1999-01-01' }, 'TERMS_NOT_ACCEPTED'],
    ];
    for (const [label, override, code] of cases) {
      const input = {
        ticket: app.ticket,
        signingCsr: good.signing,
        encryptionCsr: good.encryption,
        requestId: randomUUID(),
        acceptedTermsVersion: termsVersion,
        ...override,
      };
      const { body } = await call(SUBMIT, { input });
      expect([label, codeOf(body)]).toEqual([label, code]);
      expect(body.errors![0].message).not.toBe(code);
    }
    const huge = await fetch(`${f.t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: SUBMIT,
        variables: {
          input: {
            ticket: app.ticket,
            signingCsr: 'A'.repeat(2 * 1024 * 1024),
            encryptionCsr: good.encryption,
            requestId: randomUUID(),
            acceptedTermsVersion: termsVersion,
          },
        },
      }),
    });
    expect(huge.status).toBe(413);
    // the error contract holds even for a body the server refused to read: code, translated message, FAQ
    expect(await huge.json()).toEqual({
      errors: [
        { message: '送出的資料過大。', extensions: { code: 'PAYLOAD_TOO_LARGE', faq: '/faq#PAYLOAD_TOO_LARGE' } },
      ],
    });

    expect(await counts()).toEqual(before);
    const [row] = await f.t.dataSource.query('SELECT status FROM counter_applications WHERE id = ?', [app.id]);
    expect(row.status).toBe('NOTICE_PRINTED');
    // The ticket still works: nothing was spent.
    const ok = await call(SUBMIT, {
      input: {
        ticket: app.ticket,
        signingCsr: good.signing,
        encryptionCsr: good.encryption,
        requestId: randomUUID(),
        acceptedTermsVersion: termsVersion,
      },
    });
    expect(ok.body.errors).toBeUndefined();
  });

  it('puts keys only on a token that is the customer’s own (80070005 otherwise)', async () => {
    const stranger = SEED_CUSTOMERS[3];
    const foreign = await f.t.gql(
      REGISTER_TOKEN,
      { input: { customerId: stranger.id, type: 'IKEY', serial: 'IK20261124A' } },
      { token: teller },
    );
    expect(foreign.body.errors).toBeUndefined();
    const app = await opened(SEED_CUSTOMERS[2], 'IKEY');
    const input = {
      ticket: app.ticket,
      signingCsr: await csr(app.commonName, await keyPair()),
      encryptionCsr: await csr(app.commonName, await keyPair()),
      requestId: randomUUID(),
      acceptedTermsVersion: termsVersion,
    };
    const before = await counts();
    const denied = await call(SUBMIT, { input: { ...input, tokenSerial: 'IK20261124A' } });
    expect(codeOf(denied.body)).toBe('ACCESS_DENIED');
    expect(denied.body.errors![0].extensions.manualCode).toBe('80070005');
    expect(codeOf((await call(SUBMIT, { input })).body)).toBe('FIELD_REQUIRED');
    expect(await counts()).toEqual(before);

    const own = await f.t.gql(
      REGISTER_TOKEN,
      { input: { customerId: SEED_CUSTOMERS[2].id, type: 'IKEY', serial: 'IK20261124B' } },
      { token: teller },
    );
    const applied = await call(SUBMIT, { input: { ...input, tokenSerial: 'IK20261124B' } });
    expect(applied.body.errors).toBeUndefined();
    const ids = applied.body.data!.submitApplicationRequests.certificates.map((c: { id: string }) => c.id);
    const rows = await f.t.dataSource.query('SELECT token_id, medium FROM certificates WHERE id IN (?, ?)', ids);
    expect(rows).toEqual([
      { token_id: own.body.data!.registerToken.id, medium: 'IKEY' },
      { token_id: own.body.data!.registerToken.id, medium: 'IKEY' },
    ]);
  });

  it('apply → 6025 → issued → 80092004 for foreign keys → download → installed → ACTIVE, COMPLETED', async () => {
    const customer = SEED_CUSTOMERS[0];
    const app = await opened(customer);
    const [signing, encryption] = [await keyPair(), await keyPair()];
    const input = {
      ticket: app.ticket,
      signingCsr: await csr(app.commonName, signing),
      encryptionCsr: await csr(app.commonName, encryption),
      requestId: randomUUID(),
      acceptedTermsVersion: termsVersion,
    };
    const first = await call(SUBMIT, { input });
    expect(first.body.errors).toBeUndefined();
    const submitted = first.body.data!.submitApplicationRequests;
    expect(submitted.application).toEqual({ id: app.id, status: 'APPLIED', commonName: app.commonName });
    expect(submitted.certificates.map((c: { usage: string; status: string }) => [c.usage, c.status])).toEqual([
      ['SIGNING', 'PENDING'],
      ['ENCRYPTION', 'PENDING'],
    ]);
    expect(submitted.certificates[0].subjectDn).toBe(
      `C=TW, O=Finance, OU=TWCA Financial User CA, OU=0060000-合作金庫商業銀行, OU=FXML, CN=${app.commonName}`,
    );
    const [password] = await f.t.dataSource.query(
      'SELECT used_at FROM application_passwords WHERE application_id = ? AND retired_at IS NULL',
      [app.id],
    );
    expect(password.used_at).not.toBeNull();
    const [applied] = await f.t.dataSource.query(
      "SELECT e.after, e.actor_type, e.actor_id, a.customer_id FROM audit_events e JOIN counter_applications a ON a.id = e.target_id WHERE e.action = 'APPLICATION_APPLIED' AND e.target_id = ?",
      [app.id],
    );
    expect(JSON.parse(applied.after)).toMatchObject({ status: 'APPLIED', termsVersion });
    // the customer who proved the password is the actor, not the system
    expect(applied).toMatchObject({ actor_type: 'CUSTOMER', actor_id: applied.customer_id });

    // A retry after a lost answer gets the same pair; the same id with other keys is refused.
    const before = await counts();
    const retry = await call(SUBMIT, { input });
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data!.submitApplicationRequests.certificates.map((c: { id: string }) => c.id)).toEqual(
      submitted.certificates.map((c: { id: string }) => c.id),
    );
    const reused = await call(SUBMIT, {
      input: { ...input, encryptionCsr: await csr(app.commonName, await keyPair()) },
    });
    expect(codeOf(reused.body)).toBe('REQUEST_ID_REUSED');
    // Anything new under the spent ticket is refused: the application has moved on.
    const again = await call(SUBMIT, { input: { ...input, requestId: randomUUID() } });
    expect(codeOf(again.body)).toBe('APPLICATION_NOT_OPEN');
    expect(await counts()).toEqual(before);

    const session = submitted.enrolment.session as string;
    // The enrolment session is nobody's staff session.
    const asStaff = await f.t.gql('query { applications { total } }', {}, { token: session });
    expect(asStaff.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');

    const issuing = await call(DOWNLOAD, {}, session);
    expect(codeOf(issuing.body)).toBe('CA_ISSUING');
    expect(issuing.body.errors![0].extensions.manualCode).toBe('6025');
    expect(issuing.body.errors![0].message).toContain('稍後');

    expect(await f.t.app.get(IssuanceService).signPending()).toBeGreaterThanOrEqual(2);
    // both signed: the application now waits for the download (已發證), and the worker says so in the trail
    const [issued] = await f.t.dataSource.query(
      "SELECT a.status, e.actor_type FROM counter_applications a JOIN audit_events e ON e.target_id = a.id AND e.action = 'APPLICATION_ISSUED' WHERE a.id = ?",
      [app.id],
    );
    expect(issued).toEqual({ status: 'ISSUED', actor_type: 'SYSTEM' });

    const elsewhere = await call(DOWNLOAD, { input: { publicKeys: [await spki(await keyPair())] } }, session);
    expect(codeOf(elsewhere.body)).toBe('PRIVATE_KEY_NOT_FOUND');
    expect(elsewhere.body.errors![0].extensions.manualCode).toBe('80092004');

    const got = await call(DOWNLOAD, { input: { publicKeys: [await spki(signing), await spki(encryption)] } }, session);
    expect(got.body.errors).toBeUndefined();
    const { certificates, chain } = got.body.data!.downloadCertificates;
    expect(certificates.map((c: { usage: string }) => c.usage)).toEqual(['SIGNING', 'ENCRYPTION']);
    f.ssl.file(
      'kiosk-chain.pem',
      chain.map((c: string) => toPem(new Uint8Array(Buffer.from(c, 'base64')), 'CERTIFICATE')).join(''),
    );
    for (const [i, keys] of [signing, encryption].entries()) {
      const der = Buffer.from(certificates[i].der, 'base64');
      f.ssl.file(`kiosk-${i}.der`, der);
      f.ssl.run('x509', '-inform', 'DER', '-in', `kiosk-${i}.der`, '-out', `kiosk-${i}.pem`);
      expect(f.ssl.run('verify', '-CAfile', 'kiosk-chain.pem', `kiosk-${i}.pem`)).toContain(': OK');
      const text = f.ssl.run(
        'x509',
        '-in',
        `kiosk-${i}.pem`,
        '-noout',
        '-subject',
        '-serial',
        '-pubkey',
        '-nameopt',
        'utf8',
      );
      expect(text).toContain(`CN=${app.commonName}`);
      expect(text.toLowerCase()).toContain(`serial=${certificates[i].serialHex.toLowerCase()}`);
      const pem = toPem(new Uint8Array(Buffer.from(await spki(keys), 'base64')), 'PUBLIC KEY');
      expect(text.replace(/\r/g, '')).toContain(pem.trim());
    }

    const installed = await call(
      INSTALLED,
      { input: { certificateIds: certificates.map((c: { id: string }) => c.id) } },
      session,
    );
    expect(installed.body.errors).toBeUndefined();
    expect(installed.body.data!.confirmInstalled.map((c: { status: string }) => c.status)).toEqual([
      'ACTIVE',
      'ACTIVE',
    ]);
    const [done] = await f.t.dataSource.query('SELECT status FROM counter_applications WHERE id = ?', [app.id]);
    expect(done.status).toBe('COMPLETED');
    const events = await f.t.dataSource.query(
      "SELECT action, actor_type FROM audit_events WHERE action IN ('CERTIFICATE_INSTALLED', 'APPLICATION_COMPLETED') AND (target_id = ? OR target_id IN (?, ?))",
      [app.id, ...certificates.map((c: { id: string }) => c.id)],
    );
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual([
      'APPLICATION_COMPLETED',
      'CERTIFICATE_INSTALLED',
      'CERTIFICATE_INSTALLED',
    ]);
    expect(new Set(events.map((e: { actor_type: string }) => e.actor_type))).toEqual(new Set(['CUSTOMER']));

    const nothing = await call(DOWNLOAD, {}, session);
    expect(codeOf(nothing.body)).toBe('NOTHING_TO_DOWNLOAD');
    expect(nothing.body.errors![0].extensions.manualCode).toBe('6036');
  });

  it('refuses download without a valid customer session', async () => {
    expect(codeOf((await call(DOWNLOAD)).body)).toBe('CUSTOMER_SESSION_INVALID');
    expect(codeOf((await call(DOWNLOAD, {}, teller)).body)).toBe('CUSTOMER_SESSION_INVALID');
  });
});
