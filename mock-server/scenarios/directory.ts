/**
 * A folder of scenario files (`serve --scenarios DIR`): loaded into the registry and reloaded
 * when a file changes. A bad file is reported and skipped; the others keep serving. Node-only.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { Registry } from './registry.js';
import { parseScenario, type ScenarioResult } from './validate.js';

export type DirectoryReport = (file: string, result: ScenarioResult | 'removed') => void;

async function readScenario(path: string): Promise<ScenarioResult> {
  try {
    return parseScenario(await readFile(path, 'utf8'), path);
  } catch (error) {
    return { ok: false, problems: [{ file: path, path: '$', message: `cannot read: ${(error as Error).message}` }] };
  }
}

async function reload(registry: Registry, path: string, report: DirectoryReport): Promise<void> {
  if (!existsSync(path)) {
    registry.removeFile(path);
    report(path, 'removed');
    return;
  }
  const result = await readScenario(path);
  registry.setFile(path, result);
  report(path, result);
}

export async function loadScenarioDir(dir: string, registry: Registry, report: DirectoryReport): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  for (const name of names) await reload(registry, join(dir, name), report);
}

/** Reloads a file shortly after it changes (editors write in several steps). Returns `stop`. */
export function watchScenarioDir(dir: string, registry: Registry, report: DirectoryReport): () => void {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const watcher = watch(dir, (_event, name) => {
    if (!name || !name.endsWith('.json')) return;
    const path = join(dir, name);
    clearTimeout(pending.get(path));
    pending.set(
      path,
      setTimeout(() => {
        pending.delete(path);
        void reload(registry, path, report);
      }, 50),
    );
  });
  return () => {
    watcher.close();
    for (const timer of pending.values()) clearTimeout(timer);
  };
}
