/**
 * `web-ext lint` for `dist/extension-firefox/` that exits 1 on errors, printing every message.
 * Usage: tsx extension/firefox/lint-cli.ts [DIR]
 */
import { fileURLToPath } from 'node:url';
import { formatLintMessage, lintFirefoxExtension } from './lint.js';

const sourceDir = process.argv[2] ?? fileURLToPath(new URL('../../dist/extension-firefox/', import.meta.url));
const result = await lintFirefoxExtension(sourceDir);
for (const [label, messages] of [['error', result.errors], ['warning', result.warnings], ['notice', result.notices]] as const) {
  for (const message of messages) console.log(`${label}: ${formatLintMessage(message)}`);
}
console.log(`web-ext lint ${sourceDir}: ${result.errors.length} errors, ${result.warnings.length} warnings`);
process.exitCode = result.errors.length > 0 ? 1 : 0;
