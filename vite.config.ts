/**
 * Builds the unpacked Chrome extension into dist/extension/: the background service worker
 * (an ES module), the devtools and panel pages (with everything they import), and the two content
 * scripts. Content scripts cannot be modules, so each is a second, self-contained IIFE build run
 * when the main build closes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin, type Rollup } from 'vite';
import { iconFile, iconSizes, manifestIcons } from './extension/icons/sizes.js';

type RollupLog = NonNullable<Rollup.InputOptions['onLog']>;

const root = import.meta.dirname;
const outDir = resolve(root, 'dist/extension');

const pages = ['extension/devtools/devtools.html', 'extension/panel/panel.html'];

const contentScripts = {
  'page-hook.js': 'extension/page-hook/index.ts',
  'relay.js': 'extension/relay/index.ts',
};

/** zod's sources carry `@__PURE__` comments Rollup cannot place; they are harmless noise. */
const onLog: RollupLog = (level, log, handler) => {
  if (log.code !== 'INVALID_ANNOTATION') handler(level, log);
};

/** manifest.json with the version of package.json (the one place it is set) and the icons. */
function manifest(): string {
  const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  const source = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  return `${JSON.stringify({ ...source, version, icons: manifestIcons() }, null, 2)}\n`;
}

/** Writes the manifest and icons, and builds the content scripts once the main bundle is written. */
function extensionFiles(): Plugin {
  return {
    name: 'streamscope-extension-files',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: manifest() });
      for (const size of iconSizes) {
        this.emitFile({ type: 'asset', fileName: `icons/${iconFile(size)}`, source: readFileSync(resolve(root, 'extension/icons', iconFile(size))) });
      }
    },
    async closeBundle() {
      for (const [fileName, entry] of Object.entries(contentScripts)) {
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          build: {
            outDir,
            emptyOutDir: false,
            target: 'es2022',
            copyPublicDir: false,
            rollupOptions: {
              input: resolve(root, entry),
              onLog,
              // no name: an IIFE without exports declares no global the page could see
              output: { format: 'iife', entryFileNames: fileName, inlineDynamicImports: true },
            },
          },
        });
      }
    },
  };
}

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [preact(), extensionFiles()],
  // the panel's decode worker is a module worker (extension pages allow only their own scripts)
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      onLog,
      input: {
        background: resolve(root, 'extension/background/index.ts'),
        ...Object.fromEntries(pages.map((page) => [page.split('/').pop()!.replace('.html', ''), resolve(root, page)])),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
