/**
 * The stream matchers. `expect(streams)` checks the latest stream, `expect(streams.at(i))` the
 * i-th. Like Playwright's web-first assertions they wait, up to the expect timeout, for a live
 * stream to get there; an answer that a live stream could still change (no findings yet) waits
 * for the stream to end. A failure prints the stream's findings and event table.
 */
import type { ExpectMatcherState, MatcherReturnType } from '@playwright/test';
import { findingCodes, severities, type DecodeReport, type FindingCode, type Severity, type UIMessage } from '../protocol/index.js';
import type { CapturedStream } from './captured-stream.js';
import { failureReport } from './failure-report.js';
import type { StreamRef, Streams } from './streams.js';

export type FindingsThreshold = { threshold?: Severity };
export type FindingsMatch = { exact?: boolean };

type Verdict = {
  pass: boolean;
  /** Whether this answer may be given while the stream is still live. */
  liveAnswer: boolean;
  /** What was expected, in words ("to have finished"). */
  expected: string;
};

const pollMs = 250;

function refOf(received: unknown): StreamRef {
  const value = received as Partial<Streams & StreamRef> | null;
  if (value && typeof value.resolve === 'function' && value.streams) return value as StreamRef;
  if (value && typeof value.latest === 'function') return value.latest();
  throw new Error('[streamscope] expect the `streams` fixture or `streams.at(i)`');
}

async function settle(state: ExpectMatcherState, received: unknown, name: string, judge: (report: DecodeReport, stream: CapturedStream) => Verdict): Promise<MatcherReturnType> {
  const ref = refOf(received);
  const deadline = performance.now() + state.timeout;
  for (;;) {
    const stream = ref.resolve();
    if (stream) {
      const report = stream.report();
      const verdict = judge(report, stream);
      const done = verdict.pass !== state.isNot && (!stream.live || verdict.liveAnswer);
      if (done || performance.now() >= deadline) {
        const wanted = `${state.isNot ? 'not ' : ''}${verdict.expected}`;
        const waited = stream.live && !done ? ` (still live after ${state.timeout} ms)` : '';
        return {
          name,
          pass: verdict.pass,
          message: () => `expect(${ref.description}).${state.isNot ? 'not.' : ''}${name}()\n\nExpected ${ref.description} ${wanted}${waited}.\n\n${failureReport(stream, report)}`,
        };
      }
    } else if (performance.now() >= deadline) {
      const seen = ref.streams.all().length;
      return {
        name,
        pass: state.isNot,
        message: () => `expect(${ref.description}).${name}()\n\nNo such stream after ${state.timeout} ms: the page read ${seen} SSE response(s) in this test.`,
      };
    }
    await ref.streams.changed(pollMs);
  }
}

const atOrAbove = (threshold: Severity) => new Set(severities.slice(0, severities.indexOf(threshold) + 1));

/** The text parts of a message, joined: what a chat UI shows as the reply. */
export function messageText(message: UIMessage): string {
  return message.parts.map((part) => (part.type === 'text' ? String(part.text ?? '') : '')).join('');
}

function codesOf(report: DecodeReport): Set<FindingCode> {
  return new Set(report.findings.map((finding) => finding.code));
}

export const streamMatchers = {
  async toHaveFinished(this: ExpectMatcherState, received: Streams | StreamRef) {
    return settle(this, received, 'toHaveFinished', (report) => ({ pass: report.summary.finished, liveAnswer: true, expected: 'to have finished (a `finish` chunk)' }));
  },

  /** No finding at or above `threshold` (default `warning`: errors and warnings), once the stream ended. */
  async toHaveNoFindings(this: ExpectMatcherState, received: Streams | StreamRef, options: FindingsThreshold = {}) {
    const threshold = options.threshold ?? 'warning';
    const counted = atOrAbove(threshold);
    return settle(this, received, 'toHaveNoFindings', (report) => {
      const pass = !report.findings.some((finding) => counted.has(finding.severity));
      return { pass, liveAnswer: !pass, expected: `to have no findings at or above "${threshold}"` };
    });
  },

  /** Every code in `codes` among the findings (with `exact`, those codes and no others). */
  async toHaveFindings(this: ExpectMatcherState, received: Streams | StreamRef, codes: readonly FindingCode[], options: FindingsMatch = {}) {
    const unknown = codes.filter((code) => !(code in findingCodes));
    if (unknown.length) throw new Error(`[streamscope] toHaveFindings: unknown finding code(s) ${unknown.join(', ')}; known: ${Object.keys(findingCodes).join(', ')}`);
    return settle(this, received, 'toHaveFindings', (report) => {
      const found = codesOf(report);
      const pass = codes.every((code) => found.has(code)) && (!options.exact || found.size === new Set(codes).size);
      return { pass, liveAnswer: pass && !options.exact, expected: `to have ${options.exact ? 'exactly ' : ''}the findings ${JSON.stringify(codes)} (found ${JSON.stringify([...found])})` };
    });
  },

  /** The reply's text (its text parts joined) equals `expected`, or matches it as a RegExp. */
  async toHaveMessageText(this: ExpectMatcherState, received: Streams | StreamRef, expected: string | RegExp) {
    return settle(this, received, 'toHaveMessageText', (report) => {
      const text = messageText(report.message);
      const pass = typeof expected === 'string' ? text === expected : expected.test(text);
      return { pass, liveAnswer: true, expected: `to have the message text ${String(typeof expected === 'string' ? JSON.stringify(expected) : expected)} (it is ${JSON.stringify(text)})` };
    });
  },
};
