import { CertificateStatus, type CertificateUsage } from '@app/contracts';
import { parseCsr, type ParsedCsr } from '@app/pki';
import { SEED_BRANCH_IDS } from '@app/seeds/branches.data';
import { createCaHierarchy } from '@app/api/ca/ca-hierarchy';
import { IssuanceService, systemContext } from '@app/api/ca/issuance.service';
import { Certificate } from '@app/api/certificate/certificate.entity';
import { readFileSync } from 'node:fs';
import { fxmlSubject, issuanceRequest } from './issuance-factory';
import { OpenSsl } from './openssl';
import { TestApp } from './test-app';

const PASS = 'counter-e2e-passphrase-0123';

export interface IssueOptions {
  customerId: string;
  idNumber: string;
  branchId?: string;
  status?: CertificateStatus;
  tokenId?: string | null;
  usage?: CertificateUsage;
  sequence?: string;
}

/**
 * The counter suites' world: a CA made for the suite, the API on its own database, and certificates
 * issued through the real CA (one key pair shared by all, which the CA does not mind).
 */
export class CounterFixture {
  private constructor(
    readonly t: TestApp,
    readonly ssl: OpenSsl,
    private readonly csr: ParsedCsr,
  ) {}

  static async start(suite: string, env: Record<string, string> = {}): Promise<CounterFixture> {
    const ssl = new OpenSsl();
    process.env.CA_DIR = ssl.path('ca');
    process.env.CA_KEY_PASSPHRASE = PASS;
    process.env.ISSUANCE_POLL_MS = '0';
    process.env.EXPIRY_SWEEP_MS = '0';
    Object.assign(process.env, env);
    await createCaHierarchy({ dir: process.env.CA_DIR, passphrase: PASS, organization: 'Test Bank' });
    const t = await TestApp.start(suite);
    for (const key of Object.keys(env)) delete process.env[key];
    ssl.file('chain.pem', await (await fetch(`${t.url}/pki/chain.pem`)).text());
    const csr = await parseCsr(readFileSync(ssl.csr('counter'), 'utf8'));
    return new CounterFixture(t, ssl, csr);
  }

  /** A signed certificate of the customer, moved to `status` (ACTIVE by default) as the kiosk would. */
  async issue(options: IssueOptions): Promise<Certificate> {
    const issuance = this.t.app.get(IssuanceService);
    const pending = await this.t.dataSource.transaction((m) =>
      issuance.request(
        m,
        systemContext(),
        issuanceRequest(this.csr, {
          customerId: options.customerId,
          branchId: options.branchId ?? SEED_BRANCH_IDS.HEAD_OFFICE,
          tokenId: options.tokenId ?? null,
          medium: options.tokenId ? 'IKEY' : 'PC',
          usage: options.usage ?? 'SIGNING',
          subject: fxmlSubject(options.idNumber).map((a) =>
            a.type === 'CN' ? { ...a, value: `${options.idNumber}-${options.sequence ?? '00'}-261124` } : a,
          ),
        }),
      ),
    );
    await issuance.signPending();
    const status = options.status ?? CertificateStatus.ACTIVE;
    const repo = this.t.dataSource.getRepository(Certificate);
    if (status !== CertificateStatus.ISSUED) await repo.update({ id: pending.id }, { status });
    return repo.findOneByOrFail({ id: pending.id });
  }

  /**
   * A GraphQL call as the kiosk page makes it: no staff token, the customer session (if any) in
   * `X-Customer-Session`. Answers the body, errors included, for the test to judge.
   */
  async kiosk(query: string, variables: Record<string, unknown> = {}, session?: string, lang = 'zh-TW') {
    const res = await fetch(`${this.t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': lang,
        ...(session ? { 'x-customer-session': session } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as {
      data?: Record<string, any> | null;
      errors?: Array<{ message: string; extensions: Record<string, any> }>;
    };
  }

  /** `openssl crl -text` of the CRL the API serves now, verified against the chain. */
  async crlText(): Promise<string> {
    const res = await fetch(`${this.t.url}/pki/crl`);
    this.ssl.file('current.crl', Buffer.from(await res.arrayBuffer()));
    const text = this.ssl.run('crl', '-inform', 'DER', '-in', 'current.crl', '-noout', '-text', '-CAfile', 'chain.pem');
    if (!text.includes('verify OK')) throw new Error(`CRL does not verify:\n${text}`);
    return text;
  }

  /** The CRL entry of `serialHex` (its lines up to the next entry), or null when it is not listed. */
  async crlEntry(serialHex: string): Promise<string | null> {
    const text = await this.crlText();
    const match = new RegExp(
      `Serial Number: 0*${serialHex.toUpperCase()}\\n([\\s\\S]*?)(?=Serial Number:|Signature Algorithm|$)`,
    ).exec(text);
    return match ? match[0] : null;
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await this.t.dataSource.query(sql, params))[0].n);
  }

  async close(): Promise<void> {
    await this.t?.close();
    this.ssl.close();
    delete process.env.CA_DIR;
    delete process.env.CA_KEY_PASSPHRASE;
  }
}
