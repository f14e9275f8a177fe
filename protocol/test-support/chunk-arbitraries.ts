/**
 * Test-only: fast-check arbitraries of chunks the `ai` 6 client accepts, drawn from small pools
 * of ids so that random sequences mix well-formed parts with orphans (a delta before its start,
 * an output for a tool call never made, ids reused across steps).
 */
import fc from 'fast-check';
import type { UIMessageChunk } from '../schemas/chunks.js';

const textIds = fc.constantFrom('t1', 't2');
const reasoningIds = fc.constantFrom('r1', 'r2');
const toolCallIds = fc.constantFrom('c1', 'c2', 'c3');
const toolNames = fc.constantFrom('weather', 'search-web', 'a');
const providerMetadata = fc.constantFrom({ p: { a: 1 } }, { p: { b: 'x' }, q: {} });
const toolMetadata = fc.constantFrom({ source: 'mcp' }, { n: 2 });
const short = fc.string({ maxLength: 4 });

const keys = fc.constantFrom('a', 'b', 'c', 'prototype');
const leaf = fc.constantFrom<unknown>(null, 1, 'str', true, [1], []);
/**
 * Objects that may carry the keys `mergeObjects` skips (`constructor`, `prototype`), but never
 * `constructor.prototype`, which the client's JSON parser refuses outright.
 */
const object = (inner: fc.Arbitrary<unknown>) =>
  fc
    .tuple(fc.dictionary(keys, inner, { maxKeys: 3 }), fc.option(fc.dictionary(fc.constantFrom('a', 'b'), leaf, { maxKeys: 2 }), { freq: 4 }))
    .map(([record, ctor]) => (ctor === null ? record : { ...record, constructor: ctor }));
const nested = (inner: fc.Arbitrary<unknown>) => fc.oneof(leaf, object(inner));
/** JSON values for metadata and data. */
export const jsonish: fc.Arbitrary<unknown> = nested(nested(nested(leaf)));
const metadataObject = object(nested(leaf));

/** Fields that are optional in the schema: present or absent, at random. */
function withOptional<R extends Record<string, unknown>, O extends Record<string, fc.Arbitrary<unknown>>>(required: fc.Arbitrary<R>, optional: O) {
  return fc.tuple(required, fc.record(optional, { requiredKeys: [] })).map(([base, extra]) => ({ ...base, ...extra }));
}

const chunk = <T extends string>(type: T, fields: Record<string, fc.Arbitrary<unknown>> = {}, optional: Record<string, fc.Arbitrary<unknown>> = {}) =>
  withOptional(fc.record({ type: fc.constant(type), ...fields }), optional) as fc.Arbitrary<UIMessageChunk>;

const inputEncoding = fc.constantFrom('json', 'text');
const toolInputOptional = { providerExecuted: fc.boolean(), providerMetadata, toolMetadata, dynamic: fc.boolean(), title: short };

export const chunkArbitraries = {
  start: chunk('start', {}, { messageId: fc.constantFrom('m1', 'm2'), messageMetadata: fc.oneof({ weight: 4, arbitrary: metadataObject }, leaf) }),
  finish: chunk('finish', {}, { finishReason: fc.constantFrom('stop', 'length', 'tool-calls', 'error', 'other', 'content-filter'), messageMetadata: metadataObject }),
  abort: chunk('abort', {}, { reason: short }),
  'start-step': chunk('start-step'),
  'finish-step': chunk('finish-step'),
  'text-start': chunk('text-start', { id: textIds }, { providerMetadata }),
  'text-delta': chunk('text-delta', { id: textIds, delta: fc.string({ maxLength: 5 }) }, { providerMetadata }),
  'text-end': chunk('text-end', { id: textIds }, { providerMetadata }),
  'reasoning-start': chunk('reasoning-start', { id: reasoningIds }, { providerMetadata }),
  'reasoning-delta': chunk('reasoning-delta', { id: reasoningIds, delta: fc.string({ maxLength: 5 }) }, { providerMetadata }),
  'reasoning-end': chunk('reasoning-end', { id: reasoningIds }, { providerMetadata }),
  'tool-input-start': chunk('tool-input-start', { toolCallId: toolCallIds, toolName: toolNames }, { ...toolInputOptional, inputEncoding }),
  'tool-input-delta': chunk('tool-input-delta', { toolCallId: toolCallIds, inputTextDelta: fc.constantFrom('{"ci', 'ty": "B', 'erlin"}', '[1, ', '-', 'tr', 'x') }),
  'tool-input-available': chunk('tool-input-available', { toolCallId: toolCallIds, toolName: toolNames, input: jsonish }, toolInputOptional),
  'tool-input-error': chunk('tool-input-error', { toolCallId: toolCallIds, toolName: toolNames, input: jsonish, errorText: short }, toolInputOptional),
  'tool-approval-request': chunk('tool-approval-request', { approvalId: fc.constantFrom('ap1', 'ap2'), toolCallId: toolCallIds }, { approvalDescriptor: jsonish, inputSchemaInput: jsonish, signature: short }),
  'tool-output-available': chunk('tool-output-available', { toolCallId: toolCallIds, output: jsonish }, { providerExecuted: fc.boolean(), providerMetadata, toolMetadata, dynamic: fc.boolean(), preliminary: fc.boolean() }),
  'tool-output-error': chunk('tool-output-error', { toolCallId: toolCallIds, errorText: short }, { providerExecuted: fc.boolean(), providerMetadata, toolMetadata, dynamic: fc.boolean() }),
  'tool-output-denied': chunk('tool-output-denied', { toolCallId: toolCallIds }),
  'source-url': chunk('source-url', { sourceId: short, url: fc.constantFrom('https://example.com/') }, { title: short, providerMetadata }),
  'source-document': chunk('source-document', { sourceId: short, mediaType: fc.constantFrom('application/pdf'), title: short }, { filename: short, providerMetadata }),
  file: chunk('file', { url: fc.constantFrom('data:text/plain;base64,aGk='), mediaType: fc.constantFrom('text/plain') }, { providerMetadata }),
  'message-metadata': chunk('message-metadata', { messageMetadata: fc.oneof({ weight: 4, arbitrary: metadataObject }, leaf) }),
  data: withOptional(fc.record({ type: fc.constantFrom('data-x', 'data-y'), data: jsonish }), { id: fc.constantFrom('d1', 'd2'), transient: fc.boolean() }) as fc.Arbitrary<UIMessageChunk>,
};

/** Chunks of one `ai` 6 stream, in random order and number. */
export const chunkSequence = fc.array(fc.oneof(...Object.values(chunkArbitraries)), { maxLength: 40 });
