/**
 * The real AI SDK client for test pages: `ai` bundled with esbuild at test time into a script
 * that sets `window.aiClient`.
 */
import { build } from 'esbuild';

let bundled: Promise<string> | undefined;

export function bundleAiClient(): Promise<string> {
  bundled ??= build({
    stdin: {
      contents: "export { DefaultChatTransport, readUIMessageStream } from 'ai';",
      resolveDir: import.meta.dirname,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    globalName: 'aiClient',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return bundled;
}
