/** `streamscope decode [FILE|-] [--json] [--dialect …] [--client …] [--message FILE]` */
import { decodeStream } from '../protocol/index.js';
import { readInput, type Io } from './io.js';
import { decodeOptions, parse, readDecoderFlags, readMessageFlag, singleSource } from './options.js';
import { formatReport } from './format.js';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...decodeOptions, json: { type: 'boolean' } });
  const source = singleSource('decode', positionals, process.stdin.isTTY ? undefined : '-');
  const message = await readMessageFlag(values.message, source);
  const { bytes } = await readInput(source);
  const report = await decodeStream(bytes, { ...readDecoderFlags(values), message });
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, process.stdout.columns ?? 120));
  return 0;
}
