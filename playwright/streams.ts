/**
 * The `streams` fixture's collection: every SSE response the pages of a test's context read,
 * captured in the page by the extension's own page hook (its built bundle as an init script) and
 * handed over by the collector. No extension is involved.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { captureMessageSchema, pageMessageSource, type CaptureMessage } from './capture-messages.js';
import { createCapturedStream, type CapturedStream, type StreamLintOptions, type StreamRecorder } from './captured-stream.js';
import { installCollector } from './page-collector.js';
import { pageHookPath } from './extension-dir.js';

const binding = '__streamscopeCollect';

/** One stream of the collection, found when a matcher reads it (it may not have started yet). */
export type StreamRef = {
  readonly description: string;
  resolve(): CapturedStream | undefined;
  readonly streams: Streams;
};

export type Streams = {
  /** Every stream so far, in the order the responses started. */
  all(): CapturedStream[];
  /** The `index`-th stream (negative counts from the end), looked up when read. */
  at(index: number): StreamRef;
  /** The latest stream, looked up when read (what `expect(streams)` checks). */
  latest(): StreamRef;
  /** Resolves when a stream starts, grows or ends, or after `ms`. */
  changed(ms: number): Promise<void>;
};

export type StreamCollection = Streams & {
  /** Closes the streams still live (the test is over). */
  close(): void;
};

function createStreams(options: StreamLintOptions): StreamCollection & { take(page: Page, message: CaptureMessage): void } {
  const list: StreamRecorder[] = [];
  const byId = new Map<string, StreamRecorder>();
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const wake of waiters) wake();
    waiters.clear();
  };

  const streams: StreamCollection & { take(page: Page, message: CaptureMessage): void } = {
    all: () => [...list],
    at: (index) => ({ description: `streams.at(${index})`, resolve: () => list.at(index), streams }),
    latest: () => ({ description: 'the latest stream', resolve: () => list.at(-1), streams }),
    changed(ms) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve();
        }, ms);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        waiters.add(wake);
      });
    },
    take(page, message) {
      if (message.kind === 'stream-start') {
        if (byId.has(message.streamId) || message.meta.response !== undefined) return;
        const stream = createCapturedStream(list.length, page, message.meta, options);
        byId.set(message.streamId, stream);
        list.push(stream);
      } else if (message.kind === 'stream-chunk') {
        byId.get(message.streamId)?.chunk(message.at, Buffer.from(message.bytes, 'base64'));
      } else {
        byId.get(message.streamId)?.end(message.end);
      }
      notify();
    },
    close() {
      for (const stream of list) stream.close();
      notify();
    },
  };
  return streams;
}

/** Starts capturing every SSE response of `context`'s pages (those opened later too). */
export async function captureStreams(context: BrowserContext, options: StreamLintOptions): Promise<StreamCollection> {
  const streams = createStreams(options);
  await context.exposeBinding(binding, ({ page }, messages: unknown) => {
    if (!Array.isArray(messages)) return;
    for (const raw of messages) {
      const parsed = captureMessageSchema.safeParse(raw);
      if (parsed.success) streams.take(page, parsed.data);
    }
  });
  await context.addInitScript(installCollector, { source: pageMessageSource, binding });
  await context.addInitScript({ content: readFileSync(pageHookPath(), 'utf8') });
  return streams;
}
