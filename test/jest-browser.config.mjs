import { base } from '../jest.swc.mjs';

/** Browser suites: the built console served by the real API on MariaDB, driven in Debian Chromium. */
export default {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser-spec.ts'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 120_000,
};
