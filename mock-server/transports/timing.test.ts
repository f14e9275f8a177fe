/**
 * The scheduler keeps a scenario's pace over real HTTP. Only what load cannot break is asserted
 * (no event early); how late events are is a benchmark's job
 * (`npm run bench -- mock-server` prints the p99 lateness), never a timed assertion here.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRegistry } from '../scenarios/registry.js';
import { validateScenario } from '../../protocol/scenarios/validate.js';
import type { Step } from '../../protocol/scenarios/schema.js';
import { startMockServer, type MockServer } from './http-server.js';

const tick = 50;
const ticks = 100;
const timing = validateScenario(
  {
    name: 'timing',
    expect: ['missing-finish', 'missing-done'],
    steps: Array.from({ length: ticks }, (_, index): Step[] => [
      { step: 'chunk', chunk: { type: 'data-tick', data: index } },
      { step: 'delay', ms: tick },
    ]).flat(),
  },
  'timing.json',
);

let server: MockServer;
beforeAll(async () => {
  if (!timing.ok) throw new Error(JSON.stringify(timing.problems));
  server = await startMockServer({ port: 0, registry: createRegistry([timing.scenario]) });
});
afterAll(() => server.close());

it(`sends events scripted ${tick} ms apart, none before its time`, async () => {
  const started = performance.now();
  const response = await fetch(`${server.url}/sse/timing`);
  const arrivals: number[] = [];
  const decoder = new TextDecoder();
  let text = '';
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    const now = performance.now() - started;
    text += decoder.decode(bytes, { stream: true });
    const events = text.split('\n\n');
    text = events.pop() ?? '';
    for (const _event of events) arrivals.push(now);
  }
  expect(arrivals).toHaveLength(ticks);
  // Event i is scripted at i × tick: load can only make it later, never earlier.
  const early = arrivals.flatMap((at, index) => (at < index * tick - 1 ? [`#${index} at ${at.toFixed(1)} ms`] : []));
  expect(early, 'events that arrived before their scripted time').toEqual([]);
});
