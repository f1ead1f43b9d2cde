import { base } from '../jest.swc.mjs';

/** `npm run bench`: the benchmarks of docs/benchmarks.md, on the real app and a real MariaDB. */
export default {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/bench'],
  testMatch: ['**/*.bench.ts'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 300_000,
};
