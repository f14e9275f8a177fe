/// <reference types="chrome" />
/**
 * The relay: an isolated-world content script in every frame. It takes the page hook's messages
 * off `window` before any page listener sees them, validates and caps them, and forwards them
 * over a runtime port that it opens on the first stream (pages without streams never wake the
 * service worker) and reopens whenever Chrome stops the worker.
 */
import '../shared/zod-jitless.js';
import { PAGE_MESSAGE_SOURCE, RELAY_PORT_NAME, limits, pageMessageSchema, pageToRelayMessageSchema } from '../shared/messages.js';
import type { BackgroundToRelayMessage, PageMessage, RelayMessage } from '../shared/messages.js';
import { toBase64 } from '../shared/base64.js';
import { createOutbox } from './outbox.js';

type StreamState = { bytes: number; truncated: boolean };

const outbox = createOutbox(crypto.randomUUID());
const streams = new Map<string, StreamState>();
let port: chrome.runtime.Port | null = null;
let flushScheduled = false;
let dead = false;
/** Connections in a row that ended without an answer: a background refusing us is retried
 * ever more slowly instead of in a tight loop. */
let unanswered = 0;

function connect(): chrome.runtime.Port | null {
  if (dead) return null;
  try {
    const opened = chrome.runtime.connect({ name: RELAY_PORT_NAME });
    let answered = false;
    opened.onMessage.addListener((message: BackgroundToRelayMessage) => {
      answered = true;
      unanswered = 0;
      if (message?.kind === 'ack' && Number.isInteger(message.upTo)) outbox.acknowledge(message.upTo);
    });
    opened.onDisconnect.addListener(() => {
      void chrome.runtime.lastError;
      if (port !== opened) return;
      port = null;
      outbox.reconnected();
      if (!answered) unanswered++;
      if (outbox.pending > 0) scheduleFlush();
    });
    return opened;
  } catch {
    // the extension was reloaded or removed: this relay can never reach it again
    dead = true;
    return null;
  }
}

function flush(): void {
  flushScheduled = false;
  port ??= connect();
  if (!port) return;
  try {
    outbox.flush((message) => port!.postMessage(message));
  } catch {
    // the port closed under us: its onDisconnect reconnects and re-sends
  }
}

function scheduleFlush(): void {
  if (flushScheduled || dead) return;
  flushScheduled = true;
  setTimeout(flush, unanswered === 0 ? 0 : Math.min(30_000, 100 * 2 ** unanswered));
}

/** Applies the per-stream cap; returns the message to forward, or null to drop. */
function toRelayMessage(message: PageMessage): RelayMessage | null {
  const state = streams.get(message.streamId);
  if (message.kind === 'stream-start') {
    if (state) return null;
    streams.set(message.streamId, { bytes: 0, truncated: false });
    return { kind: 'stream-start', streamId: message.streamId, meta: message.meta };
  }
  if (!state) return null;
  if (message.kind === 'stream-end') {
    streams.delete(message.streamId);
    return { kind: 'stream-end', streamId: message.streamId, end: message.end, truncated: state.truncated };
  }
  if (state.truncated) return null;
  state.bytes += message.bytes.byteLength;
  if (state.bytes > limits.streamBytes) {
    state.truncated = true;
    return null;
  }
  return { kind: 'stream-chunk', streamId: message.streamId, chunk: { at: message.at, base64: toBase64(message.bytes) } };
}

function forward(raw: unknown): void {
  const parsed = pageMessageSchema.safeParse(raw);
  if (!parsed.success) return;
  const message = toRelayMessage(parsed.data);
  if (!message) return;
  if (!outbox.push(message)) {
    const state = streams.get(message.streamId);
    if (state) state.truncated = true;
  }
}

function onPageMessage(event: MessageEvent): void {
  if (event.source !== window) return;
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || (data as { source?: unknown }).source !== PAGE_MESSAGE_SOURCE) return;
  event.stopImmediatePropagation();
  if (dead) return;
  const parsed = pageToRelayMessageSchema.safeParse(data);
  if (!parsed.success) return;
  for (const raw of parsed.data.messages) forward(raw);
  if (outbox.pending === 0) return;
  // the hook already gathered a task's messages: send them now rather than a timer later
  if (unanswered === 0) flush();
  else scheduleFlush();
}

// capture phase on window, registered at document_start: runs before any listener the page adds
window.addEventListener('message', onPageMessage, true);
