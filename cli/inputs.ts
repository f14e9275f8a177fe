/**
 * What `decode` and `lint` share: their flags read once, and the loop over several inputs in which
 * one unreadable input is reported (one line on stderr) without stopping the others.
 */
import { compareSeverity, type Severity } from '../protocol/index.js';
import { inputName, type Input, type SourceOptions } from './decode-source.js';
import { isHar, readHarStreams } from './har.js';
import { sourceName, UsageError, type Io } from './io.js';
import { oneOf, readDecoderFlags, readMessageFlag, readRequest, readSchemasFlag, timeoutMs } from './options.js';
import { emptyTotals, type Totals } from './format.js';

type Flags = {
  method?: string;
  header?: string[];
  data?: string;
  timeout?: string;
  dialect?: string;
  client?: string;
  message?: string;
  schemas?: string;
  'stall-ms'?: string;
  json?: boolean;
  format?: string;
};

export async function readSourceOptions(command: string, values: Flags, sources: readonly string[]): Promise<Omit<SourceOptions, 'lines'>> {
  return {
    command,
    ...readDecoderFlags(values),
    message: await readMessageFlag(values.message, sources),
    schemas: await readSchemasFlag(values.schemas, sources),
    request: readRequest(values),
    timeoutMs: timeoutMs(values.timeout, 120),
  };
}

/** `--format F`, with `--json` (and `--ndjson` where offered) as its short forms. */
export function readFormat<T extends string>(values: Flags & { ndjson?: boolean }, allowed: readonly T[]): T {
  const chosen = [values.format, values.json ? 'json' : undefined, values.ndjson ? 'ndjson' : undefined].filter((format) => format !== undefined);
  if (new Set(chosen).size > 1) throw new UsageError(`choose one output format, got ${chosen.join(' and ')}`);
  return oneOf('format', chosen[0], allowed) ?? allowed[0];
}

/** The inputs a source names: itself, or each event-stream response of a HAR file. */
const inputsOf = async (source: string): Promise<Input[]> => (isHar(source) ? readHarStreams(source) : [source]);

/** Runs `visit` on each input in turn; one that cannot be read is counted, said, and skipped. */
export async function eachSource(command: string, sources: readonly string[], io: Io, visit: (input: Input) => Promise<Severity[]>, failOn: Severity | null, onUnreadable?: (name: string, message: string) => void): Promise<Totals> {
  const totals = emptyTotals();
  const unreadable = (error: unknown, name: string, alone: boolean): void => {
    // A single input's error is the command's: exit 2 with its one line, as before.
    if (!(error instanceof UsageError) || alone) throw error;
    totals.unreadable++;
    const message = error.message.startsWith(name) ? error.message : `${name}: ${error.message}`;
    io.stderr(`streamscope ${command}: ${message}\n`);
    onUnreadable?.(name, message);
  };
  for (const source of sources) {
    let inputs: Input[];
    try {
      inputs = await inputsOf(source);
    } catch (error) {
      unreadable(error, sourceName(source), sources.length === 1);
      continue;
    }
    for (const input of inputs) {
      try {
        const severities = await visit(input);
        totals.files++;
        for (const severity of severities) totals.bySeverity[severity]++;
        if (failOn !== null && severities.some((severity) => compareSeverity(severity, failOn) <= 0)) totals.failing++;
      } catch (error) {
        unreadable(error, inputName(input), sources.length === 1 && inputs.length === 1);
      }
    }
  }
  return totals;
}

/** 2 when an input could not be read, else 1 when one had findings at or above the threshold. */
export const exitCode = (totals: Totals): number => (totals.unreadable > 0 ? 2 : totals.failing > 0 ? 1 : 0);
