import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinScenarios } from '../mock-server/scenarios/builtins.js';
import { expandSteps } from '../protocol/scenarios/expand.js';
import { validateScenario } from '../protocol/scenarios/validate.js';
import type { Scenario } from '../protocol/scenarios/schema.js';
import { startMockServer, type MockServer } from '../mock-server/transports/http-server.js';
import { UsageError } from './io.js';
import { run } from './record.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0 });
});
afterAll(() => server.close());

async function record(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  const result = validateScenario(JSON.parse(stdout), 'recorded.json');
  if (!result.ok) throw new Error(`the recording does not validate: ${JSON.stringify(result.problems)}`);
  return { code, stderr, scenario: result.scenario };
}

const bytesOf = (scenario: Scenario) =>
  [...expandSteps(scenario.steps, { dialect: scenario.dialect })].map((action) => (action.kind === 'send' ? String(action.bytes) : action.kind)).join('');
const builtin = (name: string) => builtinScenarios.find((scenario) => scenario.name === name)!;

describe('streamscope record', () => {
  it('turns a live stream into a scenario that replays the same bytes, with its timing and findings', async () => {
    const { code, stderr, scenario } = await record(`${server.url}/api/chat`, '--data', '{"messages":[]}', '--header', 'x-streamscope-scenario: tool-multistep', '--name', 'captured');
    expect(code).toBe(0);
    expect(scenario).toMatchObject({ name: 'captured', dialect: 'ai-sdk', expect: [] });
    expect(bytesOf(scenario)).toBe(bytesOf(builtin('tool-multistep')));
    expect(scenario.steps.some((step) => step.step === 'delay' && step.ms >= 100)).toBe(true);
    expect(stderr).toMatch(/^recorded 3\d events in .* \(the stream ended\); findings: none\n$/);
  });

  it('keeps broken events as raw steps and a dropped connection as a disconnect', async () => {
    const malformed = await record(`${server.url}/sse/malformed-json`);
    expect(malformed.scenario.expect).toEqual(['invalid-json']);
    expect(malformed.scenario.steps).toContainEqual({ step: 'raw', data: 'data: {"type":"data-progress","data":{"percent":50}\n\n' });
    const dropped = await record(`${server.url}/sse/disconnect`);
    expect(dropped.scenario.steps.at(-1)).toEqual({ step: 'disconnect' });
    expect(dropped.scenario.expect.sort()).toEqual(['missing-done', 'missing-finish']);
  });

  it('ends a stream that never finishes at --timeout, as a stall', async () => {
    const { scenario, stderr } = await record(`${server.url}/sse/stall-silent`, '--timeout', '0.5');
    expect(scenario.steps.at(-1)).toEqual({ step: 'stall' });
    expect(stderr).toMatch(/stopped after --timeout 0.5 s/);
  });

  it('stops at --max-events and --max-bytes with a clear message, keeping what came before', async () => {
    const events = await record(`${server.url}/sse/tool-multistep`, '--max-events', '5');
    expect(events.scenario.steps.filter((step) => step.step !== 'delay')).toHaveLength(6);
    expect(events.scenario.steps.at(-1)).toEqual({ step: 'disconnect' });
    expect(events.scenario.description).toMatch(/cut at --max-events 5: the stream went on/);
    expect(events.stderr).toMatch(/^recorded 5 events in .* \(stopped at --max-events 5; the scenario holds what came before and ends with a disconnect\)/);
    const bytes = await record(`${server.url}/sse/large-payload`, '--max-bytes', '1000');
    expect(bytes.stderr).toMatch(/stopped at --max-bytes 1000;/);
    expect(bytesOf(bytes.scenario).length).toBeLessThanOrEqual(1000 + 'disconnect'.length);
  });

  it('refuses what is not a URL', async () => {
    await expect(run(['file.sse'], { stdout: () => {}, stderr: () => {} })).rejects.toThrow(new UsageError('record: expected an http(s) URL, got "file.sse"'));
  });
});
