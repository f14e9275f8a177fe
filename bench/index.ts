/**
 * `npm run bench [-- filter ...]`: runs each `bench/*.bench.ts` module's `run()` in turn, in name
 * order. A filter keeps the modules whose name contains it (`npm run bench -- decode`). Modules
 * are found on disk, so benches other people have not written yet are simply not run.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

type BenchModule = { run?: unknown };

const suffix = '.bench.ts';
const folder = fileURLToPath(new URL('.', import.meta.url));

function benchNames(): string[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .sort();
}

async function runBench(name: string): Promise<boolean> {
  const module = (await import(pathToFileURL(join(folder, name + suffix)).href)) as BenchModule;
  if (typeof module.run !== 'function') {
    console.error(`bench ${name}: skipped, it exports no run() function`);
    return true;
  }
  console.log(`\n── bench: ${name} ──`);
  try {
    await (module.run as () => Promise<void>)();
    return true;
  } catch (error) {
    console.error(`bench ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

const filters = process.argv.slice(2);
const available = benchNames();
const chosen = filters.length === 0 ? available : available.filter((name) => filters.some((filter) => name.includes(filter)));
if (chosen.length === 0) {
  console.error(`no bench matches ${filters.map((f) => `"${f}"`).join(', ')} (available: ${available.join(', ') || 'none'})`);
  process.exit(2);
}
let failed = 0;
for (const name of chosen) if (!(await runBench(name))) failed++;
if (failed > 0) process.exitCode = 1;
