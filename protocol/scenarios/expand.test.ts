import { describe, expect, it } from 'vitest';
import { expandSteps, type Action } from './expand.js';
import type { Step } from './schema.js';

const take = (steps: Step[], count = 100, seed?: number): Action[] => {
  const actions: Action[] = [];
  for (const action of expandSteps(steps, { seed })) {
    actions.push(action);
    if (actions.length === count) break;
  }
  return actions;
};
const sent = (actions: Action[]) => actions.map((action) => [action.at, action.kind === 'send' ? String(action.bytes) : action.kind]);

describe('expandSteps', () => {
  it('streams text sugar at its rate as start, deltas, end through the encoder', () => {
    expect(sent(take([{ step: 'text', text: 'one two three', rate: 10 }]))).toEqual([
      [0, 'data: {"type":"text-start","id":"text-1"}\n\n'],
      [100, 'data: {"type":"text-delta","id":"text-1","delta":"one "}\n\n'],
      [200, 'data: {"type":"text-delta","id":"text-1","delta":"two "}\n\n'],
      [300, 'data: {"type":"text-delta","id":"text-1","delta":"three"}\n\n'],
      [300, 'data: {"type":"text-end","id":"text-1"}\n\n'],
      [300, 'close'],
    ]);
  });

  it('paces characters per delta for a chars rate', () => {
    const actions = take([{ step: 'reasoning', text: 'abcdef', rate: 20, unit: 'chars', perDelta: 2, id: 'r' }]);
    expect(sent(actions).slice(1, 4)).toEqual([
      [100, 'data: {"type":"reasoning-delta","id":"r","delta":"ab"}\n\n'],
      [200, 'data: {"type":"reasoning-delta","id":"r","delta":"cd"}\n\n'],
      [300, 'data: {"type":"reasoning-delta","id":"r","delta":"ef"}\n\n'],
    ]);
  });

  it('runs a tool with streamed input and heartbeats before its output or error', () => {
    const actions = take([{ step: 'tool', toolName: 'run', toolCallId: 'c', input: { q: 1 }, inputRate: 100, inputPerDelta: 4, durationMs: 250, heartbeatMs: 100, errorText: 'boom' }]);
    expect(sent(actions)).toEqual([
      [0, 'data: {"type":"tool-input-start","toolCallId":"c","toolName":"run"}\n\n'],
      [40, 'data: {"type":"tool-input-delta","toolCallId":"c","inputTextDelta":"{\\"q\\""}\n\n'],
      [80, 'data: {"type":"tool-input-delta","toolCallId":"c","inputTextDelta":":1}"}\n\n'],
      [80, 'data: {"type":"tool-input-available","toolCallId":"c","toolName":"run","input":{"q":1}}\n\n'],
      [180, ': heartbeat\n\n'],
      [280, ': heartbeat\n\n'],
      [330, 'data: {"type":"tool-output-error","toolCallId":"c","errorText":"boom"}\n\n'],
      [330, 'close'],
    ]);
  });

  it('draws jitter from the seed: the same seed replays the same timing', () => {
    const steps: Step[] = Array.from({ length: 20 }, () => ({ step: 'delay', ms: 100, jitter: 30 }) as Step).concat({ step: 'done' });
    const at = (seed: number) => take(steps, 100, seed)[0].at;
    expect(at(7)).toBe(at(7));
    expect(at(7)).not.toBe(at(8));
    expect(Math.abs(at(7) - 2000)).toBeLessThanOrEqual(600);
  });

  it('stalls forever lazily: heartbeats without end, or a hold with no more actions', () => {
    const beats = take([{ step: 'stall', heartbeatMs: 1000 }], 1000);
    expect(beats).toHaveLength(1000);
    expect(beats.at(-1)).toEqual({ at: 1_000_000, kind: 'send', bytes: ': heartbeat\n\n' });
    expect(take([{ step: 'heartbeat' }, { step: 'stall' }, { step: 'done' }])).toEqual([
      { at: 0, kind: 'send', bytes: ': heartbeat\n\n' },
      { at: 0, kind: 'hold' },
    ]);
  });

  it('waits at a hold for its release, then goes on', () => {
    expect(take([{ step: 'heartbeat' }, { step: 'hold', name: 'gate' }, { step: 'delay', ms: 10 }, { step: 'done' }])).toEqual([
      { at: 0, kind: 'send', bytes: ': heartbeat\n\n' },
      { at: 0, kind: 'wait-release', name: 'gate' },
      { at: 10, kind: 'send', bytes: 'data: [DONE]\n\n' },
      { at: 10, kind: 'close' },
    ]);
  });

  it('ends at a disconnect, sends raw bytes as written and AutoGPT chunks without off-wire fields', () => {
    const actions = expandSteps(
      [
        { step: 'raw', data: 'data: {oops\n\n' },
        { step: 'raw', data: '/w==', encoding: 'base64' },
        { step: 'chunk', chunk: { type: 'start', messageId: 'm', sessionId: 's' }, id: 'turn:1-0' },
        { step: 'disconnect' },
        { step: 'done' },
      ],
      { dialect: 'autogpt' },
    );
    expect([...actions]).toEqual([
      { at: 0, kind: 'send', bytes: 'data: {oops\n\n' },
      { at: 0, kind: 'send', bytes: new Uint8Array([0xff]) },
      { at: 0, kind: 'send', bytes: 'id: turn:1-0\ndata: {"type":"start","messageId":"m"}\n\n' },
      { at: 0, kind: 'disconnect' },
    ]);
  });
});
