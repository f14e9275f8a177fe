#!/usr/bin/env node
/**
 * The streamscope command. Each command module exports `run(argv, io)` and returns the exit code:
 * 0 ok, 1 findings at or above the threshold, 2 usage or input error (one line on stderr).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { UsageError, type Io } from './io.js';

type Command = { run: (argv: string[], io: Io) => Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  decode: () => import('./decode.js'),
  lint: () => import('./lint.js'),
  serve: () => import('./serve.js'),
  scenarios: () => import('./scenarios.js'),
  record: () => import('./record.js'),
};

const help = `streamscope — inspect AI SDK UI message streams

  streamscope decode [FILE…|-|URL] [--json | --ndjson | --format human|json|ndjson|github]
                     [--dialect ai-sdk|autogpt] [--client 5|6|7] [--message FILE] [--schemas FILE] [--stall-ms N]
  streamscope lint [FILE…|-|URL] [--fail-on error|warning|info] [--json | --format human|json|github]
                   [--dialect …] [--client …] [--message FILE] [--schemas FILE] [--stall-ms N]
  streamscope serve [--port 8787] [--host 127.0.0.1] [--scenarios DIR] [--cors ORIGIN,…] [--max-body-mb 16]
  streamscope scenarios list [--json] | validate FILE… | schema
  streamscope record URL [--name NAME] [--max-events N] [--max-bytes N] > scenario.json

A URL (decode, lint, record) takes --method M, --header "Name: value"…, --data BODY and
  --timeout S (the whole request, connecting and headers included; default 120, record 60).
  Its status and headers are checked too (header-problem); an error answer is linted, not refused.
--schemas FILE: the app's JSON Schemas ({ "tools": { NAME: { "input", "output" } }, "data": { TYPE: … },
  "metadata": … }); chunks that do not match are tool-input-invalid, tool-output-invalid, … findings.
Several inputs: each finding names its input, a summary line ends the output, and the exit code
  covers them all. Inputs are streamed: decode prints as it reads, lint keeps no events.
serve answers pages on loopback origins only; --cors adds origins (or * for any).
A FILE ending in .har: each event-stream response in it, with its status and headers.
--format github: GitHub Actions annotations (::error file=…,line=…::…).
--message FILE: the assistant message the stream continues (a UI message, or the chat request
  body ending with it), as useChat continues it after a tool approval; lint URL takes it from
  --data when the chat posted there ends with the assistant's message.

Exit codes: 0 ok, 1 findings at or above --fail-on (default error), 2 usage or input error.
`;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(help);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const load = commands[name] as (() => Promise<Command>) | undefined;
  if (!load) {
    io.stderr(`streamscope: unknown command "${name}" (commands: ${Object.keys(commands).join(', ')}; see --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(help);
    return 0;
  }
  try {
    return await (await load()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`streamscope ${name}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`streamscope ${name}: internal error: ${(error as Error).message} (please report it)\n`);
    return 2;
  }
}

/** Resolves once standard output has room again (at once when it has). */
function drained(): Promise<void> {
  if (!process.stdout.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

const io: Io = { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text), drained };
// Run when executed, not when imported (tests); npm's bin link is a symlink, hence realpath.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  // The reader went away (`| head`): stop quietly, as `yes | head` does, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(141);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), io);
}
