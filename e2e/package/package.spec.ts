/**
 * The npm package as a user installs it: packed, installed into a fresh project outside the
 * repository, then every command run through `npx`, every export imported in Node and typechecked
 * under `moduleResolution` `nodenext` and `bundler`. The exports come from package.json, so a new
 * one is covered as soon as it is declared.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';
import { entryPoints, packAndInstall, run, type PackedProject } from './packed-project.js';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let project: PackedProject;

const bin = (dir: string) => join(dir, 'node_modules/.bin/streamscope');
const streamscope = (dir: string, args: string[]) => run(dir, bin(dir), args);

test.beforeAll(async () => {
  project = await packAndInstall();
});

test.afterAll(async () => {
  await project?.remove();
});

const healthy = ['{"type":"start","messageId":"m1"}', '{"type":"text-start","id":"t"}', '{"type":"text-delta","id":"t","delta":"Hi"}', '{"type":"text-end","id":"t"}', '{"type":"finish"}', '[DONE]']
  .map((data) => `data: ${data}\n\n`)
  .join('');
const duplicateFinish = `${healthy.replace('data: [DONE]\n\n', '')}data: {"type":"finish"}\n\n`;

/** Every file an export, the bin or a type declaration points at. */
function exportTargets(exports: PackedProject['manifest']['exports']): string[] {
  return Object.values(exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))).map((path) => path.replace(/^\.\//, ''));
}

test('the tarball holds the Node build, its types, the demo page, the Chrome extension the Playwright fixtures load and the licence; no Firefox build, sources or source maps', () => {
  const { files, manifest } = project;
  expect(manifest.private).toBeUndefined();
  expect(manifest.license).toBe('MIT');
  expect(manifest.scripts.prepare, 'a prepare build fails once installed').toBeUndefined();
  expect(manifest.scripts.prepack).toContain('build:node');
  expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/demo/index.html', 'dist/demo/mockServiceWorker.js', 'dist/extension/manifest.json', 'dist/extension/page-hook.js']));
  for (const target of [...exportTargets(manifest.exports), ...Object.values(manifest.bin)]) expect(files, target).toContain(target);
  const unwanted = files.filter((file) => /\.map$|\.test\.|(?<!\.d)\.tsx?$|^dist\/(extension-firefox|release)\//.test(file) || !/^(dist\/|[^/]+$)/.test(file));
  expect(unwanted).toEqual([]);
});

/** The packages a built file imports by bare name (`zod`, `msw/node`, `@playwright/test` → its package). */
function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((match) => match[1]);
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
    .map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
}

test('its dependencies are what the Node build and its types import; what users bring is an optional peer', () => {
  const installed = join(project.dir, 'node_modules/streamscope');
  const nodeBuild = project.files.filter((file) => /\.(js|d\.ts)$/.test(file) && !/^dist\/(demo|extension)\//.test(file));
  const imported = new Set(nodeBuild.flatMap((file) => importedPackages(readFileSync(join(installed, file), 'utf8'))));
  const { dependencies, peerDependencies = {}, peerDependenciesMeta = {} } = project.manifest;
  expect([...imported].filter((name) => !(name in peerDependencies)).sort()).toEqual(Object.keys(dependencies).sort());
  for (const peer of Object.keys(peerDependencies)) expect(peerDependenciesMeta[peer]?.optional, peer).toBe(true);
  expect(Object.keys(peerDependencies)).toEqual(expect.arrayContaining(['@playwright/test', 'ai']));
});

test('npx streamscope: --version, scenarios, decode and lint', async () => {
  const { dir } = project;
  await writeFile(join(dir, 'healthy.sse'), healthy);
  await writeFile(join(dir, 'broken.sse'), duplicateFinish);
  expect((await run(dir, 'npx', ['--no-install', 'streamscope', '--version'])).stdout.trim()).toBe(project.manifest.version);
  // then the bin npx ran, without npm's start-up time for each command
  const cli = (...args: string[]) => streamscope(dir, args);
  const list = await cli('scenarios', 'list', '--json');
  expect(list.code).toBe(0);
  expect(JSON.stringify(JSON.parse(list.stdout))).toContain('plain-text');

  const decoded = await cli('decode', 'healthy.sse', '--json');
  expect(decoded.code, decoded.stderr).toBe(0);
  const report = JSON.parse(decoded.stdout) as { findings: unknown[]; message: { parts: { type: string; text?: string }[] } };
  expect(report.findings).toEqual([]);
  expect(report.message.parts).toContainEqual(expect.objectContaining({ type: 'text', text: 'Hi' }));

  const lint = await cli('lint', 'broken.sse');
  expect(lint.code).toBe(1);
  expect(lint.stdout + lint.stderr).toContain('duplicate-finish');
  const usage = await cli('decode', 'missing.sse');
  expect(usage.code).toBe(2);
  expect(usage.stderr).not.toMatch(/\n\s+at /);
});

test('npx streamscope serve: the mock server and demo page, linted and recorded live', async () => {
  const { dir } = project;
  // the bin itself: npx dies of SIGTERM and leaves it running
  const server = spawn(bin(dir), ['serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  try {
    let url: string | undefined;
    for await (const line of createInterface({ input: server.stdout })) {
      url = /^streamscope mock server: (\S+)/.exec(line)?.[1];
      if (url) break;
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const page = await fetch(`${url}/`);
    const html = await page.text();
    expect(html).toContain('<script');
    expect(html).not.toContain('not built');
    const script = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect((await fetch(`${url}${script}`)).status).toBe(200);
    expect((await fetch(`${url}/mockServiceWorker.js`)).status).toBe(200);

    const chat = (scenario: string) => ['--header', `x-streamscope-scenario: ${scenario}`, '--data', '{"messages":[]}'];
    const lint = await streamscope(dir, ['lint', `${url}/api/chat`, ...chat('duplicate-finish')]);
    expect(lint.code, lint.stderr).toBe(1);
    expect(lint.stdout).toContain('duplicate-finish');

    const recorded = await streamscope(dir, ['record', `${url}/api/chat`, ...chat('plain-text'), '--name', 'recorded']);
    expect(recorded.code, recorded.stderr).toBe(0);
    await writeFile(join(dir, 'recorded.json'), recorded.stdout);
    const validated = await streamscope(dir, ['scenarios', 'validate', 'recorded.json']);
    expect(validated.code, validated.stderr).toBe(0);
  } finally {
    server.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
});

test('every export imports in Node (ESM) and works', async () => {
  const { dir } = project;
  const script = `
const entries = ${JSON.stringify(entryPoints(project.manifest))};
const loaded = {};
for (const entry of entries) loaded[entry] = Object.keys(await import(entry)).sort();
const { decodeStream } = await import('streamscope');
const report = await decodeStream(${JSON.stringify(duplicateFinish)});
const { startMockServer } = await import('streamscope/mock-server');
const server = await startMockServer({ port: 0 });
const response = await fetch(server.url + '/sse/plain-text');
const live = await decodeStream(response.body, { timing: true });
await server.close();
console.log(JSON.stringify({ loaded, codes: report.findings.map((f) => f.code), liveFindings: live.findings.length, liveFinished: live.summary.finished }));
`;
  await writeFile(join(dir, 'imports.mjs'), script);
  const result = await run(dir, 'node', ['imports.mjs']);
  expect(result.code, result.stderr).toBe(0);
  const { loaded, codes, liveFindings, liveFinished } = JSON.parse(result.stdout) as { loaded: Record<string, string[]>; codes: string[]; liveFindings: number; liveFinished: boolean };
  for (const entry of entryPoints(project.manifest)) expect(loaded[entry], entry).not.toEqual([]);
  expect(loaded['streamscope']).toEqual(expect.arrayContaining(['createDecoder', 'decodeStream', 'continuedMessage', 'encodeChunk']));
  expect(loaded['streamscope/mock-server']).toEqual(expect.arrayContaining(['startMockServer', 'setupMockServer', 'builtinScenarios']));
  expect(loaded['streamscope/mock-server/browser']).toContain('setupMockWorker');
  expect(codes).toContain('duplicate-finish');
  expect({ liveFindings, liveFinished }).toEqual({ liveFindings: 0, liveFinished: true });
});

/**
 * A user's file: each export's types must be real (`IsAny` fails to compile for a module typed
 * `any`), and a wrong call must be refused. It is checked with `skipLibCheck`, as most projects
 * are (checking msw's and Playwright's declarations too takes a minute here); a declaration of
 * ours importing a package the user does not get is caught by the dependency test above.
 */
function consumerSource(entries: string[]): string {
  const imports = entries.map((entry, index) => `import * as entry${index} from '${entry}';`);
  const checks = entries.map((_, index) => `const typed${index}: IsAny<typeof entry${index}> = false;`);
  return [
    ...imports,
    `import { decodeStream, type DecodeReport } from 'streamscope';`,
    `import { startMockServer, type MockServer } from 'streamscope/mock-server';`,
    'type IsAny<T> = 0 extends 1 & T ? true : false;',
    ...checks,
    `export const report: Promise<DecodeReport> = decodeStream('data: {"type":"start"}\\n\\n');`,
    'export const server: Promise<MockServer> = startMockServer({ port: 0 });',
    '// @ts-expect-error a number is no stream',
    'decodeStream(42);',
    `export const all = [${entries.map((_, index) => `entry${index}, typed${index}`).join(', ')}];`,
    '',
  ].join('\n');
}

for (const [resolution, module] of [['nodenext', 'nodenext'], ['bundler', 'esnext']] as const) {
  test(`the types resolve under moduleResolution ${resolution}`, async () => {
    const { dir } = project;
    const folder = `types-${resolution}`;
    const tsconfig = {
      compilerOptions: { module, moduleResolution: resolution, target: 'es2022', lib: ['es2023', 'dom'], types: [], strict: true, noEmit: true, skipLibCheck: true },
      files: ['consumer.ts'],
    };
    await mkdir(join(dir, folder), { recursive: true });
    await writeFile(join(dir, folder, 'tsconfig.json'), JSON.stringify(tsconfig));
    await writeFile(join(dir, folder, 'consumer.ts'), consumerSource(entryPoints(project.manifest)));
    const result = await run(join(dir, folder), join(dir, 'node_modules/.bin/tsc'), ['-p', '.']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
}
