import type { NestExpressApplication } from '@nestjs/platform-express';
import { SEED_STAFF } from '@app/seeds/staff.data';
import { DataSource } from 'typeorm';
import { createApp } from '@app/api/bootstrap';
import { dropDatabase, prepareDatabase } from './test-database';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions: Record<string, any> }>;
}

export interface GqlOptions {
  token?: string;
  lang?: 'zh-TW' | 'en';
}

/** A running API on a fresh, migrated, seeded MariaDB database, listening on a free port. */
export class TestApp {
  private constructor(
    readonly app: NestExpressApplication,
    readonly url: string,
    private readonly databaseUrl: string,
  ) {}

  static async start(suite: string): Promise<TestApp> {
    const databaseUrl = await prepareDatabase(suite);
    const app = await createApp();
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    return new TestApp(app, `http://127.0.0.1:${address.port}`, databaseUrl);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, opts: GqlOptions = {}) {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': opts.lang ?? 'zh-TW',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as GqlResult<T> };
  }

  /** Signs in a seeded member of staff by username and returns the bearer token. */
  async signIn(username: string): Promise<string> {
    const staff = SEED_STAFF.find((s) => s.username === username);
    if (!staff) throw new Error(`no seeded staff ${username}`);
    const { body } = await this.gql<{ signIn: { accessToken: string } }>(
      'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
      { input: { username, password: staff.demoPassword } },
    );
    if (!body.data?.signIn) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(body.errors)}`);
    return body.data.signIn.accessToken;
  }

  async close(): Promise<void> {
    await this.app.close();
    await dropDatabase(this.databaseUrl);
  }
}
