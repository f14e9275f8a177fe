import { describe, expect, it } from 'vitest';
import { capNotes } from './cap-notes.js';

const none = { eventsKept: 10, droppedEvents: 0, bytesNotKept: false, truncation: null, live: false };

describe('cap notes', () => {
  it('say nothing when no cap was reached', () => {
    expect(capNotes(none)).toEqual([]);
  });

  it('say which budget truncated a stream, while live, and what was kept', () => {
    const [note] = capNotes({ ...none, live: true, truncation: { note: 'truncated: the stream reached its size budget', bytesKept: 3 * 1024 * 1024 } });
    expect(note).toMatch(/^Capture truncated while live: The stream reached its size budget\. Kept the first 3 MB;/);
    expect(capNotes({ ...none, truncation: { note: "truncated: the tab's capture reached its size budget", bytesKept: 10 } })[0]).toMatch(
      /^Capture truncated: The tab's capture reached its size budget\. Kept the first 10 B;/,
    );
  });

  it('say how many events the panel did not keep, and when its byte cap was reached', () => {
    expect(capNotes({ ...none, eventsKept: 100_000, droppedEvents: 5 })).toEqual([
      'Showing the first 100,000 events: 5 more were decoded and judged but not kept (the panel keeps 100,000 per stream).',
    ]);
    expect(capNotes({ ...none, bytesNotKept: true })[0]).toMatch(/panel's byte cap/);
  });
});
