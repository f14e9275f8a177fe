/** Command-line parsing shared by the commands: `node:util` parseArgs, errors as usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppSchemasError, clientVersions, compileAppSchemas, dialects, lastChatMessage, limits, uiMessageSchema, type AppSchemas, type ClientVersion, type Dialect, type UIMessage } from '../protocol/index.js';
import { readInput, UsageError } from './io.js';
import type { RequestOptions } from './live.js';

type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;
type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(argv: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see "streamscope --help")`);
  }
}

/** How a URL is requested: `--method`, `--header`, `--data`, and `--timeout` for the whole session. */
export const requestOptions = {
  method: { type: 'string' },
  header: { type: 'string', multiple: true },
  data: { type: 'string' },
  timeout: { type: 'string' },
} as const;

/** What `decode` and `lint` share: how the stream is read, and how the result is printed. */
export const decodeOptions = {
  ...requestOptions,
  dialect: { type: 'string' },
  client: { type: 'string' },
  message: { type: 'string' },
  schemas: { type: 'string' },
  'stall-ms': { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
} as const;

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} ${value}: expected one of ${allowed.join(', ')}`);
  return value as T;
}

export function positiveNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${flag} ${value}: expected a positive number`);
  return number;
}

// Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer one fires at once.
const longestTimerMs = 2 ** 31 - 1;

/** `--timeout S` in ms, refused past the longest timer Node keeps rather than firing at once. */
export function timeoutMs(value: string | undefined, fallbackSeconds: number): number {
  const ms = positiveNumber('timeout', value, fallbackSeconds) * 1000;
  if (ms > longestTimerMs) throw new UsageError(`--timeout ${value}: at most ${Math.floor(longestTimerMs / 1000)} s (about 24.8 days), the longest a Node timer waits`);
  return Math.max(1, Math.round(ms));
}

export function readRequest(values: { method?: string; header?: string[]; data?: string }): RequestOptions {
  return { method: values.method, headers: values.header ?? [], data: values.data };
}

export function readDecoderFlags(values: { dialect?: string; client?: string; 'stall-ms'?: string }): { dialect: Dialect | 'auto'; client: ClientVersion; stallMs: number } {
  return {
    dialect: oneOf('dialect', values.dialect, [...dialects, 'auto'] as const) ?? 'auto',
    client: oneOf('client', values.client, clientVersions) ?? '6',
    stallMs: positiveNumber('stall-ms', values['stall-ms'], limits.stallMs),
  };
}

/** A small JSON file named by `--flag` (or standard input for "-", unless it carries the stream). */
async function readJsonFlag(flag: string, path: string, sources: readonly string[]): Promise<{ value: unknown; name: string }> {
  if (path === '-' && sources.includes('-')) throw new UsageError(`--${flag} -: standard input already carries the stream; give the ${flag} as a file`);
  const { bytes, name } = await readInput(path, 'a JSON');
  try {
    return { value: JSON.parse(new TextDecoder().decode(bytes)), name };
  } catch (error) {
    throw new UsageError(`--${flag} ${name}: not JSON (${(error as Error).message})`);
  }
}

/**
 * `--message FILE`: the assistant message the stream continues (useChat continues the chat's last
 * message when it is the assistant's): a UI message, or the chat request body that ends with it.
 */
export async function readMessageFlag(path: string | undefined, sources: readonly string[]): Promise<UIMessage | undefined> {
  if (path === undefined) return undefined;
  const { value, name } = await readJsonFlag('message', path, sources);
  const last = lastChatMessage(value);
  const message = uiMessageSchema.safeParse(last ?? value);
  if (!message.success) {
    const [issue] = message.error.issues;
    const what = last === undefined ? 'an assistant UI message' : "a chat request whose last message is the assistant's";
    throw new UsageError(`--message ${name}: not ${what} (${issue.path.join('.') || '(root)'}: ${issue.message})`);
  }
  return message.data as UIMessage;
}

/** `--schemas FILE`: the app's JSON Schemas for tool input/output, data parts and metadata, checked now. */
export async function readSchemasFlag(path: string | undefined, sources: readonly string[]): Promise<AppSchemas | undefined> {
  if (path === undefined) return undefined;
  const { value, name } = await readJsonFlag('schemas', path, sources);
  try {
    compileAppSchemas(value);
  } catch (error) {
    if (error instanceof AppSchemasError) throw new UsageError(`--schemas ${name}: not an app schemas file (${error.message})`);
    throw error;
  }
  return value as AppSchemas;
}

/** The inputs named (files, "-", URLs; a shell expands globs), or standard input when piped. */
export function readSources(command: string, positionals: string[]): string[] {
  if (positionals.length > 0) {
    if (positionals.filter((source) => source === '-').length > 1) throw new UsageError('"-" (standard input) can be given once');
    return positionals;
  }
  if (!process.stdin.isTTY) return ['-'];
  throw new UsageError(`give FILEs, "-" for standard input, or a URL (streamscope ${command} --help)`);
}

export function singleSource(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(`expected one URL, got ${positionals.length}`);
  return positionals[0];
}
