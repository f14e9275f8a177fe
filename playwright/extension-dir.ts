/**
 * Where the built, unpacked extension is, seen from this module. The one place that knows.
 *
 * Assumption: the package ships the unpacked extension at `dist/extension/` (its `files` include
 * `dist`), beside `dist/playwright/` where this module is built to; in this repository it is
 * `npm run build`'s output. From the TypeScript source (`playwright/`) it is `../dist/extension`.
 * `STREAMSCOPE_EXTENSION_DIR` points elsewhere.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const candidates = ['../extension', '../dist/extension'];

export function extensionDir(): string {
  const fromEnv = process.env.STREAMSCOPE_EXTENSION_DIR;
  const dirs = fromEnv ? [fromEnv] : candidates.map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  const found = dirs.find((dir) => existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'page-hook.js')));
  if (!found) {
    throw new Error(
      `[streamscope] the built extension is missing (looked in ${dirs.join(', ')}). In the streamscope repository run \`npm run build\`; ` +
        'from the installed package, reinstall it (its dist/extension is part of it), or set STREAMSCOPE_EXTENSION_DIR.',
    );
  }
  return found;
}

/** The page hook's self-contained bundle (the extension's MAIN-world content script). */
export function pageHookPath(): string {
  return join(extensionDir(), 'page-hook.js');
}
