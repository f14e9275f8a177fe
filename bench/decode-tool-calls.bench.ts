/**
 * The many-tool-calls bench: one step making 50,000 and 100,000 tool calls (streamed input and an
 * output each) through streamscope's whole decoder, against the AI SDK client
 * (`parseJsonEventStream` + `readUIMessageStream`) on 2,500 calls as the baseline. Decoding must
 * be linear in tool calls: 100,000 calls under 3 s, and doubling the calls at most doubling the
 * time. Times are judged by CPU time (all threads, GC included), which a busy machine disturbs
 * less than wall time; both are printed.
 */
import { parseJsonEventStream, readUIMessageStream, uiMessageChunkSchema, type UIMessageChunk } from 'ai';
import { createDecoder } from '../protocol/index.js';
import { toolCallsStream } from './support/tool-calls-stream.js';
import { bodyOf } from './support/ui-stream.js';
import { formatRatio } from './support/stats.js';

const sizes = { half: 50_000, full: 100_000, sdk: 2_500 } as const;
const targetSeconds = 3;
const maxDoublingRatio = 2;
const pieceBytes = 16 * 1024;

type Timing = { wall: number; cpu: number };

/** The stream's bytes cut into network-sized pieces, as a response body delivers them. */
function piecesOf(calls: number): { pieces: Uint8Array[]; events: number } {
  const { bytes, events } = toolCallsStream(calls);
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += pieceBytes) pieces.push(bytes.subarray(at, at + pieceBytes));
  return { pieces, events };
}

async function timed(run: () => Promise<void>): Promise<Timing> {
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  await run();
  const cpu = process.cpuUsage(cpuStarted);
  return { wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

async function ours(calls: number): Promise<Timing> {
  const { pieces, events } = piecesOf(calls);
  return timed(async () => {
    const decoder = createDecoder();
    const reader = bodyOf(pieces).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) decoder.push(read.value);
    const report = decoder.end();
    if (report.summary.events !== events || report.message.parts.length !== calls + 1 || report.findings.length > 0) {
      throw new Error(`ours: ${report.summary.events} events, ${report.message.parts.length} parts, ${report.findings.length} findings for ${calls} calls`);
    }
  });
}

async function aiSdk(calls: number): Promise<Timing> {
  const { pieces } = piecesOf(calls);
  return timed(async () => {
    const chunks = parseJsonEventStream({ stream: bodyOf(pieces), schema: uiMessageChunkSchema }).pipeThrough(
      new TransformStream<{ success: boolean; value?: unknown }, UIMessageChunk>({
        transform(result, controller) {
          if (result.success) controller.enqueue(result.value as UIMessageChunk);
        },
      }),
    );
    let parts = 0;
    for await (const message of readUIMessageStream({ stream: chunks })) parts = message.parts.length;
    if (parts !== calls + 1) throw new Error(`ai-sdk: ${parts} parts for ${calls} calls`);
  });
}

const seconds = (value: number): string => `${value.toFixed(2)} s`;
const both = (timing: Timing): string => `${seconds(timing.cpu)} CPU (${seconds(timing.wall)} wall)`;

export async function run(): Promise<void> {
  // One warm-up run so the first measured one does not pay for compiling the decoder.
  await ours(sizes.sdk);
  const half = await ours(sizes.half);
  const full = await ours(sizes.full);
  const sdk = await aiSdk(sizes.sdk);
  const doubling = full.cpu / half.cpu;
  const underTarget = full.cpu < targetSeconds;
  const linear = doubling <= maxDoublingRatio;
  console.log(`tool calls: ours ${sizes.half.toLocaleString('en')} calls ${both(half)}, ${sizes.full.toLocaleString('en')} calls ${both(full)}`);
  console.log(`  ${sizes.full.toLocaleString('en')} calls under ${targetSeconds} s: ${seconds(full.cpu)} CPU ${underTarget ? '✓' : '✗'}`);
  console.log(`  doubling the calls multiplied the time by ${formatRatio(doubling)} (target ≤ ${maxDoublingRatio}x) ${linear ? '✓' : '✗'}`);
  const perCall = (sdk.cpu / sizes.sdk) / (full.cpu / sizes.full);
  console.log(
    `  baseline: ai-sdk client (parseJsonEventStream + readUIMessageStream) on ${sizes.sdk.toLocaleString('en')} calls ${both(sdk)}: ` +
      `ours handles ${sizes.full / sizes.sdk}x the calls in ${formatRatio(full.cpu / sdk.cpu)} its time (${formatRatio(perCall)} faster per call)`,
  );
  console.log(underTarget && linear ? 'decode-tool-calls: all targets met' : 'decode-tool-calls: some targets missed (✗ above)');
}
