/** What the caps left out of a stream, in words: the capture budgets' truncation and the panel's own caps. */
import type { Truncation } from '../state/stream-entry.js';
import { formatBytes } from './budgets.js';

export type CapInput = {
  /** Events kept for the events view, and those decoded past the per-stream cap. */
  eventsKept: number;
  droppedEvents: number;
  /** Bytes past the panel's per-tab cap were not kept for re-judging and export. */
  bytesNotKept: boolean;
  truncation: Truncation | null;
  live: boolean;
};

/** `truncated: the stream reached…` → `The stream reached…`. */
const sentence = (note: string) => {
  const text = note.replace(/^truncated:\s*/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export function capNotes(input: CapInput): string[] {
  const notes: string[] = [];
  if (input.truncation) {
    const kept = formatBytes(input.truncation.bytesKept);
    notes.push(
      `Capture truncated${input.live ? ' while live' : ''}: ${sentence(input.truncation.note)}. Kept the first ${kept}; the page got every byte, but later bytes were not captured, so events, findings and the message stop there (budgets: ⚙ settings).`,
    );
  }
  if (input.droppedEvents > 0) {
    const kept = input.eventsKept.toLocaleString('en');
    notes.push(`Showing the first ${kept} events: ${input.droppedEvents.toLocaleString('en')} more were decoded and judged but not kept (the panel keeps ${kept} per stream).`);
  }
  if (input.bytesNotKept) {
    notes.push("This tab's streams reached the panel's byte cap: bytes of this stream past it are not kept, so re-judging and .sse export cover only what was kept.");
  }
  return notes;
}
