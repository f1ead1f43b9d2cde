// One SWC transform for every jest project: ESM output (Jest runs in ESM mode on Node 20 because
// @nestjs/* 12 is ESM-only), legacy decorators with metadata for Nest and TypeORM.
export const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

export const moduleNameMapper = {
  '^@app/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@app/contracts/(.*)$': '<rootDir>/libs/contracts/src/$1',
  '^@app/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@app/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@app/pkcs11$': '<rootDir>/libs/pkcs11/src/index.ts',
  '^@app/pkcs11/(.*)$': '<rootDir>/libs/pkcs11/src/$1',
  '^@app/pki$': '<rootDir>/libs/pki/src/index.ts',
  '^@app/pki/(.*)$': '<rootDir>/libs/pki/src/$1',
  '^@app/pdf$': '<rootDir>/libs/pdf/src/index.ts',
  '^@app/pdf/(.*)$': '<rootDir>/libs/pdf/src/$1',
  '^@app/api/(.*)$': '<rootDir>/apps/api/src/$1',
  '^@app/kiosk-agent/(.*)$': '<rootDir>/apps/kiosk-agent/src/$1',
  '^@app/seeds$': '<rootDir>/seeds/index.ts',
  '^@app/seeds/(.*)$': '<rootDir>/seeds/$1',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

export const base = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  moduleNameMapper,
  testEnvironment: 'node',
  // .ts first: a stray compiled .js beside a source must never be the one under test.
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
