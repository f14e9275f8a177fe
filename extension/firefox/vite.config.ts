/**
 * The Firefox build: the Chrome build (top-level `vite.config.ts`) into `dist/extension-firefox/`,
 * with its manifest rewritten by `toFirefoxManifest` once everything is written.
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { defineConfig, mergeConfig, type Plugin, type UserConfig, type UserConfigExport } from 'vite';
import chromeConfig from '../../vite.config.js';
import { toFirefoxManifest } from './manifest.js';

export const firefoxOutDir = fileURLToPath(new URL('../../dist/extension-firefox/', import.meta.url));
const chromeOutDir = fileURLToPath(new URL('../../dist/extension/', import.meta.url));

/**
 * The top-level build writes the content scripts to `dist/extension/` whatever the output folder
 * (asked to follow `build.outDir` instead); until it does, they are copied from there.
 */
async function copyMissingContentScripts(manifest: Record<string, unknown>, outDir: string): Promise<void> {
  const scripts = ((manifest.content_scripts ?? []) as { js?: string[] }[]).flatMap((script) => script.js ?? []);
  for (const script of scripts) {
    if (!existsSync(join(outDir, script)) && existsSync(join(chromeOutDir, script))) await copyFile(join(chromeOutDir, script), join(outDir, script));
  }
}

function firefoxManifest(): Plugin {
  let outDir = firefoxOutDir;
  return {
    name: 'streamscope:firefox-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      // After the other plugins' closeBundle (which writes the content scripts).
      sequential: true,
      async handler() {
        const path = join(outDir, 'manifest.json');
        const chrome = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
        await copyMissingContentScripts(chrome, outDir);
        await writeFile(path, `${JSON.stringify(toFirefoxManifest(chrome), null, 2)}\n`);
      },
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
