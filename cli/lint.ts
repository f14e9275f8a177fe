/**
 * `streamscope lint [FILE|-|URL] [--fail-on error|warning|info]`: findings, and exit 1 when any
 * reach the threshold. A URL is streamed live with each event's arrival time, so stalls show.
 */
import { continuedMessage, createDecoder, decodeStream, severities, type DecodeReport, type Severity } from '../protocol/index.js';
import { isUrl, openUrl, readInput, UsageError, type Io } from './io.js';
import { decodeOptions, oneOf, parse, readDecoderFlags, readMessageFlag, singleSource } from './options.js';
import { formatFinding } from './format.js';

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function positiveNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${flag} ${value}: expected a positive number`);
  return number;
}

/** Streams a live response through the decoder, timing each read; ends it after `timeoutMs`. */
async function lintUrl(url: string, options: Parameters<typeof createDecoder>[0] & { timeoutMs: number; request: Parameters<typeof openUrl>[1] }, io: Io): Promise<DecodeReport> {
  const controller = new AbortController();
  const start = performance.now();
  const elapsed = (): number => performance.now() - start;
  const response = await openUrl(url, options.request, controller.signal);
  const decoder = createDecoder({ ...options, keepEvents: false });
  const ticker = setInterval(() => decoder.tick(elapsed()), 250);
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      decoder.push(value, elapsed());
    }
  } catch (error) {
    if (controller.signal.aborted) io.stderr(`streamscope lint: stopped after ${options.timeoutMs / 1000} s (--timeout); the stream was still open\n`);
    else io.stderr(`streamscope lint: the connection broke: ${(error as Error).message}\n`);
  } finally {
    clearInterval(ticker);
    clearTimeout(timer);
  }
  return decoder.end(elapsed());
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...decodeOptions,
    'fail-on': { type: 'string' },
    'stall-ms': { type: 'string' },
    method: { type: 'string' },
    header: { type: 'string', multiple: true },
    data: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
  });
  const failOn = oneOf('fail-on', values['fail-on'], severities) ?? 'error';
  const source = singleSource('lint', positionals, process.stdin.isTTY ? undefined : '-');
  const options = { ...readDecoderFlags(values), stallMs: positiveNumber('stall-ms', values['stall-ms'], 5000), message: await readMessageFlag(values.message, source) };
  const report = isUrl(source)
    ? await lintUrl(
        source,
        {
          ...options,
          // Posting a chat whose last message is the assistant's continues it, as useChat does.
          message: options.message ?? continuedMessage(values.data),
          timeoutMs: positiveNumber('timeout', values.timeout, 120) * 1000,
          request: { method: values.method, headers: values.header ?? [], data: values.data },
        },
        io,
      )
    : await decodeStream((await readInput(source)).bytes, options);
  if (values.json) io.stdout(`${JSON.stringify(report.findings, null, 2)}\n`);
  else if (report.findings.length === 0) io.stdout('No findings.\n');
  else for (const finding of report.findings) io.stdout(`${formatFinding(finding)}\n`);
  return report.findings.some((finding) => rank[finding.severity] <= rank[failOn]) ? 1 : 0;
}
