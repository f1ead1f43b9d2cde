import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const api = 'http://127.0.0.1:3000';

/** Libraries big enough to deserve their own long-cached chunk, matched on their node_modules path. */
const vendorGroups: ReadonlyArray<{ name: string; test: RegExp; priority: number }> = [
  // Charts only the dashboard draws: their own chunk, fetched with it.
  {
    name: 'charts',
    test: /node_modules[\\/](@mui[\\/]x-[\w-]+|d3-[\w-]+|internmap|flatqueue|bezier-easing)[\\/]/,
    priority: 25,
  },
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-is)[\\/]/, priority: 40 },
  { name: 'mui', test: /node_modules[\\/](@mui[\\/](?!x-)|@emotion|@popperjs|react-transition-group)/, priority: 30 },
  {
    name: 'apollo',
    test: /node_modules[\\/](@apollo|graphql|@wry|optimism|zen-observable|ts-invariant)[\\/]/,
    priority: 30,
  },
  { name: 'react-admin', test: /node_modules[\\/](react-admin|ra-[\w-]+)[\\/]/, priority: 20 },
  // react-admin with what it brings along (react-router, react-query, react-hook-form, lodash…).
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  root: fromHere('.'),
  plugins: [react()],
  resolve: {
    alias: {
      '@app/contracts': fromHere('../../libs/contracts/src'),
      '@app/domain': fromHere('../../libs/domain/src'),
    },
  },
  server: {
    proxy: {
      '/graphql': api,
      '/health': api,
      '/documents': api,
      '/exports': api,
      '/pki': api,
    },
  },
  build: {
    outDir: fromHere('../../dist/admin'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [...vendorGroups] },
      },
    },
  },
});
