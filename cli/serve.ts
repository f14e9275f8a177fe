/**
 * `streamscope serve [--port 8787] [--host 127.0.0.1] [--scenarios DIR] [--cors ORIGIN,…]
 * [--max-body-mb N]`: the mock server and the demo page, until Ctrl-C.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../protocol/scenarios/validate.js';
import type { DirectoryReport } from '../mock-server/scenarios/directory.js';
import { startMockServer, type MockServer, type MockServerOptions } from '../mock-server/transports/http-server.js';
import { corsOrigins } from '../mock-server/transports/cors.js';
import { limits } from '../protocol/limits.js';
import { UsageError, type Io } from './io.js';
import { parse, positiveNumber } from './options.js';

function port(value: string | undefined): number {
  if (value === undefined) return 8787;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new UsageError(`--port ${value}: expected a port number (0–65535)`);
  return number;
}

function scenariosDir(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!existsSync(value)) throw new UsageError(`--scenarios ${value}: no such directory`);
  if (!statSync(value).isDirectory()) throw new UsageError(`--scenarios ${value}: not a directory`);
  return value;
}

function cors(values: string[] | undefined): string[] {
  try {
    return [...corsOrigins((values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()))];
  } catch (error) {
    throw new UsageError(`--cors: ${(error as Error).message.replace(/^\[streamscope\] /, '')}`);
  }
}

function fileReporter(io: Io): DirectoryReport {
  return (file, result) => {
    if (result === 'removed') io.stdout(`scenario file removed: ${file}\n`);
    else if (result.ok) io.stdout(`scenario "${result.scenario.name}" loaded from ${file}\n`);
    else {
      const served = result.kept ? `its last good version, "${result.kept.name}", keeps serving` : 'it is not served';
      io.stderr(`${result.problems.map(formatProblem).join('\n')}\n(${file}: ${served}; the other scenarios are)\n`);
    }
  };
}

/** Where the built DevTools extension is, when this is a build that has one (`npm start`). */
function extensionHint(): string[] {
  const folder = fileURLToPath(new URL('../extension/', import.meta.url));
  if (!existsSync(`${folder}manifest.json`)) return [];
  return [
    `DevTools panel: load the unpacked extension from ${folder}`,
    '  chrome://extensions → Developer mode → Load unpacked → pick that folder;',
    '  then open the demo page, open DevTools and choose the "streamscope" tab.',
  ];
}

function banner(server: MockServer, dir: string | undefined): string {
  const { url } = server;
  const count = server.context.registry.list().length;
  return [
    `streamscope mock server: ${url}`,
    `  demo page     ${url}/`,
    `  chat          POST ${url}/api/chat   (pick a scenario: header x-streamscope-scenario, ?scenario=NAME, or the message "/scenario NAME")`,
    `  resume        GET  ${url}/api/chat/:id/stream`,
    `  stop          POST ${url}/api/chat/:id/stop`,
    `  EventSource   GET  ${url}/sse/:scenario`,
    `  scenarios     GET  ${url}/api/scenarios   (${count} served${dir ? `, watching ${dir}` : ''})`,
    ...extensionHint(),
    'Ctrl-C to stop.',
    '',
  ].join('\n');
}

async function listen(options: MockServerOptions): Promise<MockServer> {
  try {
    return await startMockServer(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${options.port} is in use: pick another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'EACCES') throw new UsageError(`cannot listen on ${options.host}:${options.port} (${code})`);
    throw error;
  }
}

/** Serves until `until` settles; `run` passes the first Ctrl-C or SIGTERM. */
export async function serve(argv: string[], io: Io, until: Promise<unknown>): Promise<number> {
  const { values, positionals } = parse(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    scenarios: { type: 'string' },
    cors: { type: 'string', multiple: true },
    'max-body-mb': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`serve: unexpected argument "${positionals[0]}" (options: --port, --host, --scenarios, --cors, --max-body-mb)`);
  const dir = scenariosDir(values.scenarios);
  const server = await listen({
    port: port(values.port),
    host: values.host ?? '127.0.0.1',
    scenariosDir: dir,
    onScenarioFile: fileReporter(io),
    cors: cors(values.cors),
    maxBodyBytes: Math.round(positiveNumber('max-body-mb', values['max-body-mb'], limits.mockRequestBodyBytes / 2 ** 20) * 2 ** 20),
    log: (line) => io.stderr(`${line}\n`),
  });
  io.stdout(banner(server, dir));
  await until;
  await server.close();
  return 0;
}

function signalled(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function run(argv: string[], io: Io): Promise<number> {
  return serve(argv, io, signalled());
}
