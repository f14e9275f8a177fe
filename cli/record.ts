/**
 * `streamscope record URL [--method M] [--header "N: v"]… [--data BODY] [--name NAME]
 * [--timeout S] > scenario.json`: captures a live stream with its timing as a scenario file, so a
 * bug seen against a real backend can be replayed by the mock server. Valid chunks become chunk
 * steps, anything else raw steps; the findings it produced become its `expect`.
 */
import { createDecoder, limits, uiMessageChunkSchema, type EventRecord, type UIMessageChunk } from '../protocol/index.js';
import { scenarioNameSchema, type ScenarioFile, type Step } from '../protocol/scenarios/schema.js';
import { isUrl, UsageError, type Io } from './io.js';
import { openLive, requestMethod } from './live.js';
import { parse, positiveNumber, readRequest, requestOptions, singleSource, timeoutMs } from './options.js';

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

/** Past either cap, recording stops: a scenario must stay small enough to read, edit and replay. */
const defaultMaxEvents = 100_000;
// As much as the extension keeps of one stream.
const defaultMaxBytes = limits.streamBytes;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...requestOptions,
    name: { type: 'string' },
    'max-events': { type: 'string' },
    'max-bytes': { type: 'string' },
  });
  const url = singleSource(positionals);
  if (!isUrl(url)) throw new UsageError(`record: expected an http(s) URL, got "${url}"`);
  const name = values.name === undefined ? undefined : scenarioNameSchema.safeParse(values.name);
  if (name && !name.success) throw new UsageError(`--name ${values.name}: use lowercase letters, digits and dashes`);
  const maxEvents = Math.floor(positiveNumber('max-events', values['max-events'], defaultMaxEvents));
  const maxBytes = Math.floor(positiveNumber('max-bytes', values['max-bytes'], defaultMaxBytes));
  const request = readRequest(values);

  // A scenario of an error page would replay nothing useful: refused, with the body quoted.
  const live = await openLive(url, request, timeoutMs(values.timeout, 60), true);
  const records: EventRecord[] = [];
  const decoder = createDecoder({ dialect: 'auto', onRecord: (record) => records.push(record) });
  let bytes = 0;
  let cap: string | null = null;
  for await (const piece of live.body) {
    // Only whole events are kept: past a cap, the event being read is dropped with the rest.
    bytes += piece.length;
    if (bytes > maxBytes) cap = `--max-bytes ${maxBytes}`;
    else decoder.push(piece, live.elapsed());
    if (records.length >= maxEvents) cap = `--max-events ${maxEvents}`;
    if (cap !== null) {
      live.stop();
      break;
    }
  }
  records.length = Math.min(records.length, maxEvents);
  const report = decoder.end(live.elapsed());
  const ending = cap === null ? live.ending() : 'capped';
  const steps = stepsOf(records);
  if (ending === 'timeout') steps.push({ step: 'stall' });
  if (ending === 'disconnect' || ending === 'capped') steps.push({ step: 'disconnect' });
  const scenario: ScenarioFile = {
    ...(name?.success ? { name: name.data } : {}),
    description: `Recorded from ${requestMethod(request)} ${url}${cap === null ? '' : ` (cut at ${cap}: the stream went on)`}`,
    dialect: decoder.dialect,
    expect: [...new Set(report.findings.map((finding) => finding.code))],
    ...(live.response.status === 200 ? {} : { status: live.response.status }),
    steps: steps.length ? steps : [{ step: 'delay', ms: 0 }],
  };
  io.stdout(`${JSON.stringify(scenario, null, 2)}\n`);
  const how = {
    closed: 'the stream ended',
    timeout: `stopped after --timeout ${Number(values.timeout ?? 60)} s`,
    disconnect: 'the connection broke',
    capped: `stopped at ${cap}; the scenario holds what came before and ends with a disconnect`,
  }[ending];
  io.stderr(`recorded ${records.length} events in ${(live.elapsed() / 1000).toFixed(1)} s (${how}); findings: ${scenario.expect.join(', ') || 'none'}\n`);
  return 0;
}
