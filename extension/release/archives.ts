/**
 * The store-ready archives of the built extensions: `streamscope-chrome-<version>.zip` for the
 * Chrome Web Store and `streamscope-firefox-<version>.zip` for addons.mozilla.org, zipped by
 * `web-ext build` without source maps. The Firefox one is made only when `web-ext lint` finds no
 * errors, and both only when the build carries package.json's version (else it is stale).
 */
/// <reference path="../firefox/web-ext.d.ts" />
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import webExt from 'web-ext';
import { formatLintMessage, lintFirefoxExtension } from '../firefox/lint.js';

export const browsers = ['chrome', 'firefox'] as const;
export type Browser = (typeof browsers)[number];

export type ArchiveOptions = {
  /** The package version the archives are named after and the manifests must carry. */
  version: string;
  /** The built, unpacked extension of each browser. */
  sourceDirs: Record<Browser, string>;
  outDir: string;
};

export function archiveName(browser: Browser, version: string): string {
  return `streamscope-${browser}-${version}.zip`;
}

async function checkVersion(browser: Browser, sourceDir: string, version: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(sourceDir, 'manifest.json'), 'utf8')) as { version?: string };
  if (manifest.version !== version) {
    throw new Error(`${sourceDir}: the ${browser} build is version ${manifest.version}, package.json says ${version}; rebuild it first`);
  }
}

async function checkFirefoxLint(sourceDir: string): Promise<void> {
  const { errors } = await lintFirefoxExtension(sourceDir);
  if (errors.length > 0) throw new Error(`web-ext lint ${sourceDir}: ${errors.length} errors\n${errors.map(formatLintMessage).join('\n')}`);
}

/** Writes both archives into `outDir` (replacing older ones) and returns their paths. */
export async function writeArchives({ version, sourceDirs, outDir }: ArchiveOptions): Promise<Record<Browser, string>> {
  for (const browser of browsers) await checkVersion(browser, sourceDirs[browser], version);
  await checkFirefoxLint(sourceDirs.firefox);
  const paths = {} as Record<Browser, string>;
  for (const browser of browsers) {
    const { extensionPath } = await webExt.cmd.build(
      { sourceDir: sourceDirs[browser], artifactsDir: outDir, filename: archiveName(browser, version), overwriteDest: true, ignoreFiles: ['**/*.map'] },
      { showReadyMessage: false },
    );
    paths[browser] = extensionPath;
  }
  return paths;
}
