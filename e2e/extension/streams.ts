/**
 * The streams the test server sends, as byte parts with pauses between them: deterministic, so a
 * test compares what the background captured with exactly what the server wrote.
 */
import { encodeChunk, encodeComment, encodeDone, encodeHeartbeat } from '../../protocol/encoder.js';
import type { UIMessageChunk } from '../../protocol/schemas/chunks.js';

export type Part = { bytes: Uint8Array; pauseMs: number };

const utf8 = new TextEncoder();
const text = (value: string, pauseMs = 0): Part => ({ bytes: utf8.encode(value), pauseMs });

function chunks(list: UIMessageChunk[], pauseMs: number): Part[] {
  return [...list.map((chunk) => text(encodeChunk(chunk), pauseMs)), text(encodeDone(), pauseMs)];
}

/** An AI SDK reply: start, one text part streamed as `deltas` pieces, finish. */
export function aiReply(deltas: number, pauseMs = 0): Part[] {
  const list: UIMessageChunk[] = [{ type: 'start', messageId: 'm1' }, { type: 'start-step' }, { type: 'text-start', id: 't1' }];
  for (let index = 0; index < deltas; index++) list.push({ type: 'text-delta', id: 't1', delta: `w${index} ` });
  list.push({ type: 'text-end', id: 't1' }, { type: 'finish-step' }, { type: 'finish' });
  return chunks(list, pauseMs);
}

/** Many events, written `perWrite` at a time. */
function many(events: number, perWrite: number, pauseMs: number): Part[] {
  const parts: Part[] = [];
  for (let start = 0; start < events; start += perWrite) {
    let body = '';
    for (let index = start; index < Math.min(events, start + perWrite); index++) body += `data: {"n":${index},"s":"é✓"}\n\n`;
    parts.push(text(body, pauseMs));
  }
  return parts;
}

/** A multi-byte payload cut inside its characters, each piece sent on its own. */
function splitUtf8(): Part[] {
  const whole = utf8.encode('data: {"text":"héllo ✓ 😀 done"}\n\nid: 7\nevent: x\ndata: ünï\n\n');
  const cuts = [8, 17, 18, 23, 26, 27, 28, whole.length - 3];
  const parts: Part[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push({ bytes: whole.slice(from, cut), pauseMs: 25 });
    from = cut;
  }
  parts.push({ bytes: whole.slice(from), pauseMs: 0 });
  return parts;
}

function heartbeats(): Part[] {
  const parts: Part[] = [];
  for (let index = 0; index < 6; index++) {
    parts.push(text(encodeHeartbeat(), 15), text(encodeComment('usage {"totalTokens":3}'), 0), text(`data: {"beat":${index}}\n\n`, 15));
  }
  return parts;
}

export const streams: Record<string, () => Part[]> = {
  basic: () => [text('data: one\n\n', 5), text('data: two\n\n', 5), text('data: three\n\n')],
  'json-body': () => [text('{"type":"not-sse","list":[1,2,3]}')],
  'ai-reply': () => aiReply(20, 2),
  'split-utf8': splitUtf8,
  heartbeats,
  many: () => many(10_000, 250, 1),
  /** About 2 s of events, for stopping the service worker in the middle. */
  slow: () => many(300, 3, 20),
  /** About 13 MB in 64 KB events over about 4 s: more than `storage.session` holds (10 MB). */
  large: () => Array.from({ length: 200 }, (_, index) => text(`data: {"n":${index},"pad":"${'x'.repeat(64 * 1024 - 32)}"}\n\n`, 20)),
};

export function streamBytes(name: string): Uint8Array {
  const parts = streams[name]();
  return Buffer.concat(parts.map((part) => part.bytes));
}
