import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateUIMessages } from 'ai';
import { AppSchemasError, compileAppSchemas, type AppSchemas } from './app-schemas.js';
import { codesOf, decode, findingsOf, inserted, replaced, runChat, sseOf, textTurn } from './test-support/linter-cases.js';

const forecast = { type: 'object', properties: { forecast: { type: 'array', items: { $ref: '#/$defs/day' } } }, required: ['forecast'], $defs: { day: { type: 'object', properties: { tempC: { type: 'number' } }, required: ['tempC'] } } };
const cityInput = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const schemas: AppSchemas = {
  tools: { weather: { input: cityInput, output: forecast } },
  data: { 'data-weather': forecast },
  metadata: { type: 'object', properties: { createdAt: { type: 'number' }, model: { enum: ['small', 'large'] } } },
};

describe('compileAppSchemas: a bad schemas file is a clear error naming the path', () => {
  const bad: Array<[string, unknown, string]> = [
    ['not an object', [], '(root): '],
    ['an unknown top-level key', { dataSchemas: {} }, '(root): Unrecognized key: "dataSchemas"'],
    ['a data type without the prefix', { data: { weather: {} } }, 'data.weather: a data part type starts with "data-"'],
    ['a tool entry with a typo', { tools: { weather: { inputs: {} } } }, 'tools.weather: Unrecognized key: "inputs"'],
    ['a schema that is a string', { metadata: 'object' }, 'metadata: expected a JSON Schema'],
    ['if/then/else', { tools: { weather: { output: { if: { type: 'string' }, then: { minLength: 1 } } } } }, 'tools.weather.output: Conditional schemas (if/then/else) are not supported'],
    ['a remote $ref', { data: { 'data-x': { $ref: 'https://example.com/x.json' } } }, 'data.data-x: External $ref is not supported'],
    ['a $ref to nothing', { metadata: { $ref: '#/$defs/missing' } }, 'metadata: Reference not found: #/$defs/missing'],
    ['an unknown type', { tools: { t: { input: { type: 'strng' } } } }, 'tools.t.input: Unsupported type: strng'],
  ];

  it.each(bad)('%s', (_name, value, message) => {
    expect(() => compileAppSchemas(value)).toThrow(AppSchemasError);
    expect(() => compileAppSchemas(value)).toThrow(message);
  });

  it('takes local $ref, recursion, oneOf and an empty file', () => {
    const tree = { $defs: { node: { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#/$defs/node' } } } } }, $ref: '#/$defs/node' };
    const validators = compileAppSchemas({ data: { 'data-tree': tree, 'data-either': { oneOf: [{ type: 'string' }, { type: 'number' }] } } });
    expect(validators.data.get('data-tree')?.safeParse({ kids: [{ kids: [{ kids: 1 }] }] }).success).toBe(false);
    expect(validators.data.get('data-either')?.safeParse(1).success).toBe(true);
    expect(compileAppSchemas({})).toMatchObject({ metadata: null });
  });

  it('builds its validators without eval: they run with zod jitless', async () => {
    z.config({ jitless: true });
    try {
      const report = await decode(sseOf(inserted(textTurn, 5, { type: 'data-weather', data: { forecast: [{ tempC: 'warm' }] } })), { schemas });
      expect(findingsOf(report, 'data-invalid')[0].message).toContain('$.forecast[0].tempC');
    } finally {
      z.config({ jitless: false });
    }
  });
});

describe('the app\'s schemas: what the AI SDK does with a part that does not match', () => {
  const zodOf = (schema: unknown) => z.fromJSONSchema(schema as never);

  it('data-invalid: useChat with the schema as dataPartSchemas fails the stream', async () => {
    const bytes = sseOf(inserted(textTurn, 5, { type: 'data-weather', id: 'w1', data: { forecast: [{ tempC: 'warm' }] } }));
    const [finding] = findingsOf(await decode(bytes, { schemas }), 'data-invalid');
    expect(finding).toMatchObject({ event: 5, severity: 'warning' });
    const chat = await runChat(bytes, { init: { dataPartSchemas: { 'data-weather': zodOf(forecast) } } });
    expect(chat.status).toBe('error');
    expect(chat.error?.message).toContain('Type validation failed');
    // Keyed by the bare name, as ai 6's types suggest, the schema is never applied: the finding says so.
    expect((await runChat(bytes, { init: { dataPartSchemas: { weather: zodOf(forecast) } } })).status).toBe('ready');
    expect(finding.message).toContain('one keyed "weather" is never applied');
  });

  it('metadata-invalid: the merged metadata is checked, as useChat checks it', async () => {
    const split = sseOf(replaced(inserted(textTurn, 1, { type: 'message-metadata', messageMetadata: { createdAt: 1 } }), 7, { type: 'finish', messageMetadata: { model: 'huge' } }));
    const [finding] = findingsOf(await decode(split, { schemas }), 'metadata-invalid');
    expect(finding).toMatchObject({ event: 7 });
    expect(finding.message).toContain('$.model');
    const chat = await runChat(split, { init: { messageMetadataSchema: zodOf(schemas.metadata) } });
    expect(chat.status).toBe('error');
    const fine = sseOf(replaced(inserted(textTurn, 1, { type: 'message-metadata', messageMetadata: { createdAt: 1 } }), 7, { type: 'finish', messageMetadata: { model: 'large' } }));
    expect(codesOf(await decode(fine, { schemas }))).toEqual([]);
    expect((await runChat(fine, { init: { messageMetadataSchema: zodOf(schemas.metadata) } })).status).toBe('ready');
  });

  it('tool-input-invalid: the chat shows the call, and validateUIMessages with the tool throws on the saved message', async () => {
    const call = (input: unknown) =>
      sseOf(inserted(textTurn, 5, { type: 'tool-input-start', toolCallId: 'c1', toolName: 'weather' }, { type: 'tool-input-available', toolCallId: 'c1', toolName: 'weather', input }));
    const bad = await decode(call({ town: 'Berlin' }), { schemas });
    expect(findingsOf(bad, 'tool-input-invalid')[0].message).toContain('$.city');
    const chat = await runChat(call({ town: 'Berlin' }));
    expect(chat.status).toBe('ready');
    const tools = { weather: { inputSchema: zodOf(cityInput) } };
    await expect(validateUIMessages({ messages: [chat.message!], tools: tools as never })).rejects.toThrow(/Type validation failed/);
    const good = await runChat(call({ city: 'Berlin' }));
    await expect(validateUIMessages({ messages: [good.message!], tools: tools as never })).resolves.toHaveLength(1);
    expect(codesOf(await decode(call({ city: 'Berlin' }), { schemas }))).not.toContain('tool-input-invalid');
  });

  it('tool outputs of a continued message\'s call are checked by its tool\'s schema; preliminary outputs are not', async () => {
    const message = { id: 'm1', role: 'assistant' as const, parts: [{ type: 'tool-weather', toolCallId: 'c1', state: 'input-available', input: { city: 'Berlin' } }] };
    const output = (extra: object) => sseOf([{ type: 'start' }, { type: 'tool-output-available', toolCallId: 'c1', output: { forecast: 'sunny' }, ...extra }, { type: 'finish' }]);
    expect(findingsOf(await decode(output({}), { schemas, message }), 'tool-output-invalid')[0].message).toContain('tool "weather" (call "c1")');
    expect(codesOf(await decode(output({ preliminary: true }), { schemas, message }))).toEqual([]);
  });
});
