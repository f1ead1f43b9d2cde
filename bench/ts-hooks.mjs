// Node module hooks that let a plain `node` process run the TypeScript of libs/ directly: the
// @app/* aliases of tsconfig.json, extensionless relative imports, and an SWC transform to ESM.
// Used by the CRL child process, whose peak RSS must not include a test runner.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from '@swc/core';

const ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
const LIBS = { contracts: 'libs/contracts/src', domain: 'libs/domain/src', pki: 'libs/pki/src' };

function existing(base) {
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (existsSync(candidate) && !candidate.endsWith('/') && (candidate.endsWith('.ts') || candidate.endsWith('.mjs')))
      return candidate;
  }
  const ts = base.replace(/\.js$/, '.ts');
  return existsSync(ts) ? ts : null;
}

export async function resolve(specifier, context, next) {
  const alias = /^@app\/(contracts|domain|pki)(?:\/(.*))?$/.exec(specifier);
  if (alias) {
    const file = existing(resolvePath(ROOT, LIBS[alias[1]], alias[2] ?? 'index'));
    if (file) return { url: pathToFileURL(file).href, shortCircuit: true };
  }
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && context.parentURL?.endsWith('.ts')) {
    const file = existing(resolvePath(dirname(fileURLToPath(context.parentURL)), specifier));
    if (file) return { url: pathToFileURL(file).href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const filename = fileURLToPath(url);
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: false,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
