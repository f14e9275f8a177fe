import { describe, expect, it } from 'vitest';
import { mergeMetadata } from './metadata-merge.js';
import { decodeStream } from './decode-stream.js';

/** `{"a":{"a":…{"a":leaf}}}`, `depth` objects deep. */
const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

const depthOf = (value: unknown): number => {
  let depth = 0;
  for (let next = value; typeof next === 'object' && next !== null; next = (next as { a: unknown }).a) depth++;
  return depth;
};

describe('mergeMetadata', () => {
  it('merges objects deeply, replaces arrays and primitives, and skips prototype keys', () => {
    expect(mergeMetadata({ a: { b: 1, c: [1] }, d: 1 }, JSON.parse('{"a":{"c":[2],"e":{"f":1}},"d":"x","__proto__":{"p":1},"constructor":1}'))).toEqual({
      a: { b: 1, c: [2], e: { f: 1 } },
      d: 'x',
    });
  });

  it('merges metadata nested 10,000 deep without overflowing the stack', () => {
    const merged = mergeMetadata(nested(10_000, { x: 1 }), nested(10_000, { y: 2 }));
    expect(depthOf(merged)).toBe(10_001);
  });

  it('lets the decoder read 10,000-deep messageMetadata (and a deep "constructor" key) without throwing', async () => {
    for (const leaf of ['1', '{"constructor":{"x":1}}']) {
      const deep = `${'{"a":'.repeat(10_000)}${leaf}${'}'.repeat(10_000)}`;
      const body = [`{"type":"start","messageMetadata":${deep}}`, `{"type":"message-metadata","messageMetadata":${deep}}`, '{"type":"finish"}'].map((data) => `data: ${data}\n\n`).join('');
      const report = await decodeStream(body);
      expect(report.summary.chunks).toBe(3);
      // the real client overflows its stack copying such a message: said, not thrown
      expect(report.findings.map((finding) => finding.code)).toEqual(['json-too-deep', 'json-too-deep', 'missing-done']);
    }
  });

  it('reports deep metadata the client cannot merge (into a primitive) as a finding, without throwing', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const report = await decodeStream(`data: {"type":"start","messageMetadata":"draft"}\n\ndata: {"type":"message-metadata","messageMetadata":${deep}}\n\n`);
    expect(report.findings.map((finding) => finding.code)).toContain('schema-violation');
  });
});
