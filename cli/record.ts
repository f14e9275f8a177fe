/**
 * `streamscope record URL [--method M] [--header "N: v"]… [--data BODY] [--name NAME]
 * [--timeout S] > scenario.json`: captures a live stream with its timing as a scenario file, so a
 * bug seen against a real backend can be replayed by the mock server. Valid chunks become chunk
 * steps, anything else raw steps; the findings it produced become its `expect`.
 */
import { createDecoder, uiMessageChunkSchema, type EventRecord, type UIMessageChunk } from '../protocol/index.js';
import { scenarioNameSchema, type ScenarioFile, type Step } from '../mock-server/scenarios/schema.js';
import { isUrl, openUrl, UsageError, type Io } from './io.js';
import { parse, singleSource } from './options.js';

function seconds(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--timeout ${value}: expected a positive number of seconds`);
  return number;
}

function eventStep(record: EventRecord): Step {
  switch (record.kind) {
    case 'done':
      return { step: 'done' };
    case 'comment':
      return record.comment === 'heartbeat' ? { step: 'heartbeat' } : { step: 'comment', text: record.comment ?? '' };
    case 'chunk': {
      const chunk = uiMessageChunkSchema.safeParse(record.chunk);
      if (chunk.success) {
        const sse = { ...(record.sse.id === null ? {} : { id: record.sse.id }), ...(record.sse.event === null ? {} : { event: record.sse.event }) };
        return { step: 'chunk', chunk: chunk.data as UIMessageChunk, ...sse };
      }
      return { step: 'raw', data: `${record.raw}\n\n` };
    }
    default:
      return { step: 'raw', data: `${record.raw}\n\n` };
  }
}

/** Event records → steps, with a delay step wherever time passed between events. */
function stepsOf(records: readonly EventRecord[]): Step[] {
  let previous = 0;
  return records.flatMap((record) => {
    const gap = Math.round((record.at ?? previous) - previous);
    previous = record.at ?? previous;
    return gap > 0 ? [{ step: 'delay', ms: gap } as Step, eventStep(record)] : [eventStep(record)];
  });
}

type Ending = 'closed' | 'disconnect' | 'timeout';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    method: { type: 'string' },
    header: { type: 'string', multiple: true },
    data: { type: 'string' },
    name: { type: 'string' },
    timeout: { type: 'string' },
  });
  const url = singleSource('record', positionals);
  if (!isUrl(url)) throw new UsageError(`record: expected an http(s) URL, got "${url}"`);
  const name = values.name === undefined ? undefined : scenarioNameSchema.safeParse(values.name);
  if (name && !name.success) throw new UsageError(`--name ${values.name}: use lowercase letters, digits and dashes`);
  const timeoutMs = seconds(values.timeout, 60) * 1000;

  const controller = new AbortController();
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const response = await openUrl(url, { method: values.method, headers: values.header ?? [], data: values.data }, controller.signal);
  const records: EventRecord[] = [];
  const decoder = createDecoder({ dialect: 'auto', onRecord: (record) => records.push(record) });
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let ending: Ending = 'closed';
  try {
    for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) decoder.push(bytes, elapsed());
  } catch {
    ending = controller.signal.aborted ? 'timeout' : 'disconnect';
  } finally {
    clearTimeout(timer);
  }
  const report = decoder.end(elapsed());
  const steps = stepsOf(records);
  if (ending === 'timeout') steps.push({ step: 'stall' });
  if (ending === 'disconnect') steps.push({ step: 'disconnect' });
  const scenario: ScenarioFile = {
    ...(name?.success ? { name: name.data } : {}),
    description: `Recorded from ${values.method ?? (values.data === undefined ? 'GET' : 'POST')} ${url}`,
    dialect: decoder.dialect,
    expect: [...new Set(report.findings.map((finding) => finding.code))],
    ...(response.status === 200 ? {} : { status: response.status }),
    steps: steps.length ? steps : [{ step: 'delay', ms: 0 }],
  };
  io.stdout(`${JSON.stringify(scenario, null, 2)}\n`);
  const how = ending === 'closed' ? 'the stream ended' : ending === 'timeout' ? `stopped after --timeout ${timeoutMs / 1000} s` : 'the connection broke';
  io.stderr(`recorded ${records.length} events in ${(elapsed() / 1000).toFixed(1)} s (${how}); findings: ${scenario.expect.join(', ') || 'none'}\n`);
  return 0;
}
