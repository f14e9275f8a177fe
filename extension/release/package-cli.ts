/**
 * `npm run package`: the store-ready archives of the extension builds (made just before by the
 * npm script) in dist/release/.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { writeArchives } from './archives.js';

const root = new URL('../../', import.meta.url);
const at = (path: string) => fileURLToPath(new URL(path, root));

const { version } = JSON.parse(await readFile(at('package.json'), 'utf8')) as { version: string };
try {
  const paths = await writeArchives({
    version,
    sourceDirs: { chrome: at('dist/extension/'), firefox: at('dist/extension-firefox/') },
    outDir: at('dist/release/'),
  });
  for (const path of Object.values(paths)) console.log(`wrote ${path}`);
} catch (error) {
  console.error(`npm run package: ${(error as Error).message}`);
  process.exitCode = 1;
}
