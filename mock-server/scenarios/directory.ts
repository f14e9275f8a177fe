/**
 * A folder of scenario files (`serve --scenarios DIR`): loaded into the registry and reloaded
 * when a file changes. A bad file is reported and refused (its last good version keeps serving);
 * the others keep serving. A folder that disappears takes its scenarios with it and is watched
 * again when it comes back (editors and `git checkout` recreate folders). Node-only.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { FileOutcome, Registry } from './registry.js';
import { parseScenario, type ScenarioResult } from '../../protocol/scenarios/validate.js';

export type DirectoryReport = (file: string, outcome: FileOutcome | 'removed') => void;

/** How often a vanished folder is looked for. */
const reappearPollMs = 250;
/** Editors write a file in several steps: reload once they are done. */
const settleMs = 50;

async function readScenario(path: string): Promise<ScenarioResult> {
  try {
    return parseScenario(await readFile(path, 'utf8'), path);
  } catch (error) {
    return { ok: false, problems: [{ file: path, path: '$', message: `cannot read: ${(error as Error).message}` }] };
  }
}

function remove(registry: Registry, path: string, report: DirectoryReport): void {
  registry.removeFile(path);
  report(path, 'removed');
}

async function reload(registry: Registry, path: string, report: DirectoryReport): Promise<void> {
  if (!existsSync(path)) return remove(registry, path, report);
  report(path, registry.setFile(path, await readScenario(path)));
}

export async function loadScenarioDir(dir: string, registry: Registry, report: DirectoryReport): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  for (const name of names) await reload(registry, join(dir, name), report);
}

/** Reloads a file shortly after it changes, and follows the folder away and back. Returns `stop`. */
export function watchScenarioDir(dir: string, registry: Registry, report: DirectoryReport): () => void {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let watcher: FSWatcher | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  /** The folder watched: one removed and recreated at once has a new inode and needs a new watch. */
  let watched: number | undefined;
  const inode = (): number | undefined => statSync(dir, { throwIfNoEntry: false })?.ino;

  function changed(name: string | null): void {
    const now = inode();
    if (now !== watched) {
      vanished();
      if (now !== undefined) follow(true);
      return;
    }
    if (!name?.endsWith('.json')) return;
    const path = join(dir, name);
    clearTimeout(pending.get(path));
    pending.set(
      path,
      setTimeout(() => {
        pending.delete(path);
        void reload(registry, path, report);
      }, settleMs),
    );
  }

  function quiet(): void {
    watcher?.close();
    watcher = undefined;
    clearInterval(poll);
    poll = undefined;
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
  }

  function vanished(): void {
    quiet();
    for (const file of registry.files()) remove(registry, file, report);
    poll = setInterval(() => existsSync(dir) && follow(true), reappearPollMs);
  }

  /** Watches the folder; after it came back, reads it again (the watch first, so no change slips between). */
  function follow(reread: boolean): void {
    quiet();
    watched = inode();
    try {
      watcher = watch(dir, (_event, name) => changed(name));
    } catch {
      return vanished();
    }
    watcher.on('error', vanished);
    if (reread) loadScenarioDir(dir, registry, report).catch(vanished);
  }

  follow(false);
  return quiet;
}
