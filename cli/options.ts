/** Command-line parsing shared by the commands: `node:util` parseArgs, errors as usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { clientVersions, dialects, lastChatMessage, uiMessageSchema, type ClientVersion, type Dialect, type UIMessage } from '../protocol/index.js';
import { readInput, UsageError } from './io.js';

type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;
type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(argv: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see "streamscope --help")`);
  }
}

export const decodeOptions = {
  dialect: { type: 'string' },
  client: { type: 'string' },
  message: { type: 'string' },
} as const;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} ${value}: expected one of ${allowed.join(', ')}`);
  return value as T;
}

export function readDecoderFlags(values: { dialect?: string; client?: string }): { dialect: Dialect | 'auto'; client: ClientVersion } {
  return {
    dialect: oneOf('dialect', values.dialect, [...dialects, 'auto'] as const) ?? 'auto',
    client: oneOf('client', values.client, clientVersions) ?? '6',
  };
}

export { oneOf };

/**
 * `--message FILE`: the assistant message the stream continues (useChat continues the chat's last
 * message when it is the assistant's): a UI message, or the chat request body that ends with it.
 */
export async function readMessageFlag(path: string | undefined, source: string): Promise<UIMessage | undefined> {
  if (path === undefined) return undefined;
  if (path === '-' && source === '-') throw new UsageError('--message -: standard input already carries the stream; give the message as a file');
  const { bytes, name } = await readInput(path, 'a JSON');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new UsageError(`--message ${name}: not JSON (${(error as Error).message})`);
  }
  const last = lastChatMessage(value);
  const message = uiMessageSchema.safeParse(last ?? value);
  if (!message.success) {
    const [issue] = message.error.issues;
    const what = last === undefined ? 'an assistant UI message' : "a chat request whose last message is the assistant's";
    throw new UsageError(`--message ${name}: not ${what} (${issue.path.join('.') || '(root)'}: ${issue.message})`);
  }
  return message.data as UIMessage;
}

export function singleSource(command: string, positionals: string[], fallback?: string): string {
  if (positionals.length > 1) throw new UsageError(`one input at a time, got ${positionals.length}`);
  const source = positionals[0] ?? fallback;
  if (source === undefined) throw new UsageError(`give a FILE, "-" for standard input${command === 'lint' ? ', or a URL' : ''}`);
  return source;
}
