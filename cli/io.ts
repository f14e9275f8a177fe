/**
 * What the CLI reads: a file, standard input or a URL, with errors a person can act on. Every
 * failure here is a `UsageError`, which `main.ts` prints as one line and exits 2 on. Streams are
 * read piece by piece, never whole: an input may be endless (`lint -`) or larger than memory.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

export class UsageError extends Error {}

export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves once standard output has taken what was written (backpressure); absent in tests. */
  drained?: () => Promise<void>;
};

export const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

export const sourceName = (source: string): string => (source === '-' ? 'standard input' : source);

async function statFile(path: string, what: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? String(error)})`);
  }
  if (info.isDirectory()) throw new UsageError(`${path}: is a directory, expected ${what} file`);
}

/**
 * Checks piece by piece that the bytes are text: an SSE stream (or a JSON file) is UTF-8 without
 * NUL bytes. A UTF-8 character may be split between pieces.
 */
export function createTextCheck(name: string, what = 'an SSE stream'): { check(bytes: Uint8Array): void; end(): void } {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const invalid = (): UsageError => new UsageError(`${name}: not valid UTF-8 (near byte ${offset}), so not ${what}`);
  return {
    check(bytes) {
      const nul = bytes.indexOf(0);
      if (nul !== -1) throw new UsageError(`${name}: binary data (a NUL byte at offset ${offset + nul}), not ${what}`);
      try {
        utf8.decode(bytes, { stream: true });
      } catch {
        throw invalid();
      }
      offset += bytes.length;
    },
    end() {
      try {
        utf8.decode();
      } catch {
        throw invalid();
      }
    },
  };
}

async function* readErrorsExplained(pieces: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const piece of pieces) yield piece;
  } catch (error) {
    throw new UsageError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The bytes of FILE, or of standard input for "-", piece by piece and checked to be text. */
export async function* streamInput(source: string, what = 'an SSE stream'): AsyncGenerator<Uint8Array> {
  const name = sourceName(source);
  if (source === '-' && process.stdin.isTTY) throw new UsageError('no input: give a FILE, a URL, or pipe a stream into "-"');
  if (source !== '-') await statFile(source, what);
  const text = createTextCheck(name, what);
  const pieces = source === '-' ? (process.stdin as AsyncIterable<Uint8Array>) : createReadStream(source);
  for await (const piece of readErrorsExplained(pieces, name)) {
    text.check(piece);
    yield piece;
  }
  text.end();
}

/** The whole of a small input (a JSON file, or standard input for "-"), checked to be text. */
export async function readInput(source: string, what: string): Promise<{ bytes: Uint8Array; name: string }> {
  const name = sourceName(source);
  if (source !== '-') {
    await statFile(source, what);
    try {
      const bytes = new Uint8Array(await readFile(source));
      const text = createTextCheck(name, what);
      text.check(bytes);
      text.end();
      return { bytes, name };
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  const parts: Uint8Array[] = [];
  for await (const part of streamInput(source, what)) parts.push(part);
  return { bytes: new Uint8Array(Buffer.concat(parts)), name };
}
