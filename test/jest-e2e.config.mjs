import { base } from '../jest.swc.mjs';

/** API end-to-end suites: the real Nest app on a real MariaDB, schema built by the migrations. */
export default {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/test/api', '<rootDir>/test/agent'],
  testMatch: ['**/*.e2e-spec.ts'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 60_000,
};
