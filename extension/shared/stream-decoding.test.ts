import { describe, expect, it } from 'vitest';
import { createStreamDecoding, decodeCaptured } from './stream-decoding.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('stream decoding', () => {
  it('decodes base64 chunks split anywhere into records with their arrival times', () => {
    const wire = 'data: {"type":"start"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n';
    const chunks = [wire.slice(0, 10), wire.slice(10, 30), wire.slice(30)].map((part, index) => ({ at: index * 10, base64: b64(part) }));
    const report = decodeCaptured(chunks, { at: 30, outcome: 'complete' });
    expect(report.events.map((event) => [event.kind, event.type, event.at])).toEqual([
      ['chunk', 'start', 10],
      ['chunk', 'finish', 20],
      ['done', null, 20],
    ]);
    expect(report.findings).toEqual([]);
  });

  it('takes bytes as the panel client hands them, and reports a cut stream', () => {
    const decoding = createStreamDecoding();
    decoding.push([{ at: 1, bytes: new TextEncoder().encode('data: {"type":"start"}\n\n') }]);
    const report = decoding.end({ at: 2, outcome: 'cancelled' });
    expect(report.findings.map((finding) => finding.code)).toContain('missing-finish');
  });
});
