import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLintMessage, lintFirefoxExtension } from './lint.js';
import { geckoId } from './manifest.js';

const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

describe('the Firefox build', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'streamscope-firefox-'));
    await build({ configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  }, 120_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('has a Firefox manifest', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings.gecko.id).toBe(geckoId);
    const files = [manifest.devtools_page, ...manifest.background.scripts, ...manifest.content_scripts.flatMap((script: { js: string[] }) => script.js)];
    for (const file of files) expect(existsSync(join(outDir, file)), file).toBe(true);
  });

  it('passes web-ext lint without errors', async () => {
    const result = await lintFirefoxExtension(outDir);
    expect(result.errors.map(formatLintMessage)).toEqual([]);
  }, 120_000);

  it('lint reports errors when there are some', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'streamscope-firefox-broken-'));
    await writeFile(join(broken, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'x', version: '1', background: { service_worker: 'missing.js' } }));
    const result = await lintFirefoxExtension(broken);
    await rm(broken, { recursive: true, force: true });
    expect(result.errors.length).toBeGreaterThan(0);
  }, 120_000);
});
