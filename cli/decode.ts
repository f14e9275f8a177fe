/**
 * `streamscope decode [FILE…|-|URL] [--json|--ndjson|--format human|json|ndjson|github] …`: every
 * event, the findings and the rebuilt message, printed as the input is read.
 */
import { decodeSource, inputName } from './decode-source.js';
import { createDecodeWriter, type DecodeFormat } from './decode-writers.js';
import { formatTotals } from './format.js';
import { isHar } from './har.js';
import { eachSource, exitCode, readFormat, readSourceOptions } from './inputs.js';
import type { Io } from './io.js';
import { decodeOptions, parse, readSources } from './options.js';

const formats: readonly DecodeFormat[] = ['human', 'json', 'ndjson', 'github'];

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...decodeOptions, ndjson: { type: 'boolean' } });
  const format = readFormat(values, formats);
  const sources = readSources('decode', positionals);
  const options = await readSourceOptions('decode', values, sources);
  const writer = createDecodeWriter(format, io, sources.length > 1 || sources.some(isHar), process.stdout.columns ?? 120);
  const totals = await eachSource(
    'decode',
    sources,
    io,
    async (input) => {
      writer.start(inputName(input));
      try {
        const decoded = await decodeSource(input, { ...options, lines: format === 'github', onRecord: writer.record, onFinding: writer.finding, afterPiece: writer.flush }, io);
        writer.end(decoded);
        return decoded.report.findings.map((finding) => finding.severity);
      } catch (error) {
        if (sources.length > 1 || writer.wrote()) writer.fail((error as Error).message);
        throw error;
      }
    },
    null,
  );
  writer.finish();
  if (format === 'human' || format === 'github') io.stdout(formatTotals(totals, null));
  return exitCode(totals);
}
