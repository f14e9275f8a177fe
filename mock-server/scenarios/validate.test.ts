import { describe, expect, it } from 'vitest';
import { builtinScenarios } from './builtins.js';
import { scenarioJsonSchema } from '../../protocol/scenarios/schema.js';
import { formatProblem, parseScenario, validateScenario } from '../../protocol/scenarios/validate.js';

const problemsOf = (value: unknown) => {
  const result = parseScenario(JSON.stringify(value), 'scenarios/bad.json');
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('scenario validation', () => {
  it('names the file, the JSON path and what was expected', () => {
    expect(problemsOf({ expect: [], steps: [{ step: 'chunk', chunk: { type: 'text-delta', id: 7, delta: 'x' } }] })).toEqual([
      'scenarios/bad.json: $.steps[0].chunk.id: Invalid input: expected string, received number',
    ]);
  });

  it('refuses chunk types no client knows, pointing at raw steps for deliberate breakage', () => {
    expect(problemsOf({ expect: [], steps: [{ step: 'chunk', chunk: { type: 'usage', totalTokens: 1 } }] })).toEqual([
      'scenarios/bad.json: $.steps[0].chunk.type: unknown chunk type "usage" (to send it on purpose, use a "raw" step)',
    ]);
  });

  it('lists the step kinds for an unknown step, and names unknown fields and finding codes', () => {
    expect(problemsOf({ expect: ['nope'], steps: [{ step: 'sleep' }, { step: 'delay', ms: 5, jiter: 1 }] })).toEqual([
      expect.stringMatching(/^scenarios\/bad\.json: \$\.expect\[0\]: Invalid option: expected one of "missing-finish"/),
      'scenarios/bad.json: $.steps[0].step: expected "step" to be one of chunk, delay, comment, heartbeat, usage, text, reasoning, tool, raw, done, disconnect, stall, hold, got "sleep"',
      'scenarios/bad.json: $.steps[1]: unknown field(s) "jiter"',
    ]);
  });

  it('checks a continuation\'s steps as it checks the scenario\'s own', () => {
    expect(problemsOf({ expect: [], steps: [{ step: 'done' }], continuation: { steps: [{ step: 'done' }], denied: [{ step: 'chunk', chunk: { type: 'tool-output-denied' } }] } })).toEqual([
      'scenarios/bad.json: $.continuation.denied[0].chunk.toolCallId: Invalid input: expected string, received undefined',
    ]);
  });

  it('rejects what cannot play: bad base64, runaway repeats, over-deep JSON', () => {
    const deep = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
    const result = validateScenario(
      {
        expect: [],
        steps: [
          { step: 'raw', data: '@@not base64@@', encoding: 'base64' },
          { step: 'raw', data: '@@ fine as utf8 @@' },
          { step: 'text', text: 'abcd', repeat: 10_000_000 },
          { step: 'reasoning', text: 'ok', repeat: 1000 },
          { step: 'chunk', chunk: { type: 'data-deep', data: deep(5000) } },
          { step: 'tool', toolName: 't', input: deep(1001), output: deep(1000) },
        ],
      },
      'scenarios/bad.json',
    );
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'scenarios/bad.json: $.steps[0].data: not valid base64',
      'scenarios/bad.json: $.steps[2].repeat: 40,000,000 characters of text; at most 33,554,432 can play',
      'scenarios/bad.json: $.steps[4].chunk: nested deeper than 1,000 levels, which cannot be sent',
      'scenarios/bad.json: $.steps[5].input: nested deeper than 1,000 levels, which cannot be sent',
    ]);
  });

  it('reports JSON syntax errors at the root', () => {
    const result = parseScenario('{"steps": [', 'x.json');
    expect(result.ok ? null : result.problems[0]).toMatchObject({ file: 'x.json', path: '$', message: expect.stringMatching(/^not valid JSON: /) });
  });

  it('names a scenario after its file unless it has a name', () => {
    const result = parseScenario(JSON.stringify({ expect: [], steps: [{ step: 'done' }] }), 'dir/my-case.json');
    expect(result.ok && result.scenario.name).toBe('my-case');
  });

  it('holds a name taken from the file to the name rule', () => {
    const text = JSON.stringify({ expect: [], steps: [{ step: 'done' }] });
    const result = parseScenario(text, 'dir/My Case.json');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'dir/My Case.json: $.name: no "name", and the file name "My Case" is not a scenario name (lowercase letters, digits and dashes): add a "name" or rename the file',
    ]);
    expect(parseScenario(JSON.stringify({ name: 'my-case', expect: [], steps: [{ step: 'done' }] }), 'dir/My Case.json').ok).toBe(true);
  });
});

describe('built-in scenarios', () => {
  const names = builtinScenarios.map((scenario) => scenario.name);

  it('cover every case DESIGN.md and the issue list, with unique names', () => {
    for (const name of ['plain-text', 'reasoning', 'tool-multistep', 'long-tool', 'error-mid-stream', 'stuck-session', 'duplicate-finish', 'abort', 'disconnect', 'malformed-json', 'unknown-chunk-type', 'slow-drip', 'large-payload', 'autogpt-turn', 'stop-completes']) {
      expect(names).toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('healthy ones declare no findings; faulty ones declare theirs', () => {
    const expectOf = (name: string) => builtinScenarios.find((scenario) => scenario.name === name)?.expect;
    expect(expectOf('plain-text')).toEqual([]);
    expect(expectOf('duplicate-finish')).toEqual(['duplicate-finish']);
  });
});

describe('JSON Schema', () => {
  it('describes the steps and the chunk types for editors', () => {
    const schema = JSON.stringify(scenarioJsonSchema());
    expect(schema).toContain('"tool-input-delta"');
    expect(schema).toContain('"heartbeatMs"');
    expect(scenarioJsonSchema()).toMatchObject({ type: 'object', required: ['expect', 'steps'] });
  });
});
