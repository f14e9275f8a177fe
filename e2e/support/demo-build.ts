/** The demo page's build, made on demand for the specs that open it (npm test builds it first). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Builds the demo page when dist/demo lacks it (or predates the in-browser mode). */
export function ensureDemoBuilt(): void {
  const built = ['index.html', 'mockServiceWorker.js'].every((file) => existsSync(resolve(root, 'dist/demo', file)));
  if (!built) execFileSync('npm', ['run', 'build:demo'], { cwd: root, stdio: 'inherit' });
}
