/**
 * The package as a user gets it: `npm pack` of this repository's build, installed into a fresh
 * project in the system's temp folder (outside the repository, so nothing resolves from its
 * node_modules), next to the tools a user brings (TypeScript, Playwright Test).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const root = resolve(import.meta.dirname, '../..');

export type PackageJson = {
  name: string;
  version: string;
  license?: string;
  private?: boolean;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  files: string[];
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

export const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

/** Every import specifier the package exports (`streamscope`, `streamscope/mock-server`, …). */
export function entryPoints(manifest: PackageJson = packageJson): string[] {
  return Object.keys(manifest.exports)
    .filter((key) => !key.endsWith('.json'))
    .map((key) => manifest.name + key.slice(1));
}

/** The build the tarball is made from; `npm test` makes it first, a lone run makes what is missing. */
function ensureBuilt(): void {
  const builds = { 'dist/cli/main.js': 'build:node', 'dist/extension/manifest.json': 'build:extension', 'dist/demo/index.html': 'build:demo' };
  for (const [file, script] of Object.entries(builds)) {
    if (!existsSync(join(root, file))) execFileSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  }
}

export type Run = { code: number; stdout: string; stderr: string };

/** Runs a command to its end, whatever its exit code (a non-zero one is a result to check); `env` is added to this process's. */
export async function run(cwd: string, command: string, args: string[], timeout = 60_000, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function ok(cwd: string, command: string, args: string[]): Promise<string> {
  const result = await run(cwd, command, args, 120_000);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

/** The version of a tool this repository has installed, so the project gets one npm has cached. */
function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

export type PackedProject = {
  dir: string;
  /** Paths inside the tarball, without the `package/` prefix. */
  files: string[];
  /** The package.json that was packed. */
  manifest: PackageJson;
  remove(): Promise<void>;
};

const userTools = ['typescript', '@playwright/test'];

/**
 * Packs the build as it stands (`--ignore-scripts`: `prepack` rebuilds from scratch, which
 * `npm test` has just done) and installs the tarball into a new project.
 */
export async function packAndInstall(): Promise<PackedProject> {
  ensureBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'streamscope-user-'));
  const [packed] = JSON.parse(await ok(root, 'npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir])) as { filename: string; files: { path: string }[] }[];
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'streamscope-user', private: true, type: 'module' }, null, 2)}\n`);
  const tools = userTools.map((name) => `${name}@${installedVersion(name)}`);
  await ok(dir, 'npm', ['install', `./${packed.filename}`, ...tools, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/streamscope/package.json'), 'utf8')) as PackageJson;
  return { dir, files: packed.files.map((file) => file.path), manifest, remove: () => rm(dir, { recursive: true, force: true }) };
}
