/**
 * The scheduler's timing, in a file of its own so that no other test shares its event loop:
 * events 50 ms apart must arrive over real HTTP with an inter-event error p95 under 10 ms.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRegistry } from '../scenarios/registry.js';
import { validateScenario } from '../scenarios/validate.js';
import type { Step } from '../scenarios/schema.js';
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

it(`events ${tick} ms apart arrive with an inter-event error p95 under 10 ms`, async () => {
  const response = await fetch(`${server.url}/sse/timing`);
  const arrivals: number[] = [];
  const decoder = new TextDecoder();
  let text = '';
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    const now = performance.now();
    text += decoder.decode(bytes, { stream: true });
    const events = text.split('\n\n');
    text = events.pop() ?? '';
    for (const _event of events) arrivals.push(now);
  }
  expect(arrivals).toHaveLength(ticks);
  const errors = arrivals
    .slice(1)
    .map((at, index) => Math.abs(at - arrivals[index] - tick))
    .sort((a, b) => a - b);
  const p95 = errors[Math.ceil(errors.length * 0.95) - 1];
  expect(p95, `inter-event errors (ms, sorted): ${errors.map((error) => error.toFixed(1)).join(' ')}`).toBeLessThan(10);
});
