/**
 * The Firefox build: the Chrome build (top-level `vite.config.ts`) into `dist/extension-firefox/`,
 * with its manifest rewritten by `toFirefoxManifest` once everything is written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { defineConfig, mergeConfig, type Plugin, type UserConfig, type UserConfigExport } from 'vite';
import chromeConfig from '../../vite.config.js';
import { toFirefoxManifest } from './manifest.js';

export const firefoxOutDir = fileURLToPath(new URL('../../dist/extension-firefox/', import.meta.url));

function firefoxManifest(): Plugin {
  let outDir = firefoxOutDir;
  return {
    name: 'streamscope:firefox-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // After every other plugin has written (the manifest may be emitted or copied).
    async closeBundle() {
      const path = join(outDir, 'manifest.json');
      const chrome = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      await writeFile(path, `${JSON.stringify(toFirefoxManifest(chrome), null, 2)}\n`);
    },
  };
}

async function resolveChromeConfig(base: UserConfigExport, env: Parameters<Extract<UserConfigExport, (...args: never[]) => unknown>>[0]): Promise<UserConfig> {
  return typeof base === 'function' ? await base(env) : await base;
}

export default defineConfig(async (env) =>
  mergeConfig(await resolveChromeConfig(chromeConfig, env), {
    build: { outDir: firefoxOutDir, emptyOutDir: true },
    plugins: [firefoxManifest()],
  }),
);
