/**
 * The store-ready extension archives (`npm run package`), made from the builds in dist/ into a
 * temporary folder and opened as a store would: each holds exactly its build minus source maps,
 * with package.json's version, the icons at their sizes and every file the manifest and its pages
 * load.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { iconFile, iconSizes } from '../../extension/icons/sizes.js';
import { archiveName, browsers, writeArchives, type Browser } from '../../extension/release/archives.js';
import { packageJson, root } from './packed-project.js';

const sourceDirs: Record<Browser, string> = { chrome: join(root, 'dist/extension'), firefox: join(root, 'dist/extension-firefox') };

/** The builds the archives are made of: `npm test` makes them first; a lone run makes what is missing or stale. */
function ensureBuilt(): void {
  const builtVersion = (dir: string) => (existsSync(join(dir, 'manifest.json')) ? JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).version : undefined);
  if (builtVersion(sourceDirs.chrome) !== packageJson.version) execFileSync('npm', ['run', 'build:extension'], { cwd: root, stdio: 'inherit' });
  if (builtVersion(sourceDirs.firefox) !== packageJson.version) execFileSync('npm', ['run', 'build:extension-firefox'], { cwd: root, stdio: 'inherit' });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

type Manifest = {
  version: string;
  description: string;
  icons: Record<string, string>;
  devtools_page: string;
  background: { service_worker?: string; scripts?: string[] };
  content_scripts: { js: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
};

/** Every file a page loads by `src` or `href`, relative to the archive's root. */
function pageAssets(page: string, html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => posix.normalize(posix.join(posix.dirname(page), match[1])));
}

let outDir: string;
let archives: Record<Browser, string>;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  ensureBuilt();
  outDir = await mkdtemp(join(tmpdir(), 'streamscope-release-'));
  archives = await writeArchives({ version: packageJson.version, sourceDirs, outDir });
});

test.afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

for (const browser of browsers) {
  test(`the ${browser} archive: its build without source maps, the package version, icons and every file it loads`, async () => {
    expect(archives[browser]).toBe(join(outDir, archiveName(browser, packageJson.version)));
    const zip = await JSZip.loadAsync(readFileSync(archives[browser]));
    const files = Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.name);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.sort()).toEqual(filesUnder(sourceDirs[browser]).filter((file) => !file.endsWith('.map')).sort());

    const read = (file: string) => zip.file(file)!.async('string');
    const manifest = JSON.parse(await read('manifest.json')) as Manifest;
    expect(manifest.version).toBe(packageJson.version);
    // the Chrome Web Store's limit; Firefox shows the same text
    expect(manifest.description.length).toBeGreaterThan(40);
    expect(manifest.description.length).toBeLessThanOrEqual(132);
    expect(manifest.icons).toEqual(Object.fromEntries(iconSizes.map((size) => [String(size), `icons/${iconFile(size)}`])));
    for (const size of iconSizes) {
      expect(pngSize(await zip.file(manifest.icons[size])!.async('uint8array')), `${size} px icon`).toEqual({ width: size, height: size });
    }

    const background = manifest.background.service_worker ? [manifest.background.service_worker] : (manifest.background.scripts ?? []);
    const loaded = [manifest.devtools_page, ...background, ...manifest.content_scripts.flatMap((script) => script.js)];
    for (const page of files.filter((file) => file.endsWith('.html'))) loaded.push(...pageAssets(page, await read(page)));
    expect(loaded.filter((file) => !files.includes(file))).toEqual([]);
    if (browser === 'firefox') expect(manifest.browser_specific_settings?.gecko?.id).toBeTruthy();
    else expect(manifest.browser_specific_settings).toBeUndefined();
  });
}
