import { base } from './jest.swc.mjs';

/** Unit tests: pure code beside its source, no database, no browser. */
export default {
  ...base,
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
};
