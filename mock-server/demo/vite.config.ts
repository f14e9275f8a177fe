/** Builds the demo chat page into dist/demo/, which `streamscope serve` serves at `/`. */
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  logLevel: 'warn',
  build: {
    outDir: resolve(root, '../../dist/demo'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
