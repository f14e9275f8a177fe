/**
 * Builds the demo chat page into dist/demo/, which `streamscope serve` serves at `/`, with MSW's
 * `mockServiceWorker.js` beside it for the in-browser mode (`/?worker`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

function mockServiceWorker(): Plugin {
  return {
    name: 'streamscope-mock-service-worker',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [preact(), mockServiceWorker()],
  logLevel: 'warn',
  build: {
    outDir: resolve(root, '../../dist/demo'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
