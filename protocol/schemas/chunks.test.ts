/**
 * The version facts of DESIGN.md ("Protocol facts") and the tables in `chunks.ts`, checked against
 * real `ai` releases installed under npm aliases. Nothing here restates a release's schema: each
 * release is asked (see `test-support/sdk-schema-probe.ts`) and the answers are compared with
 * `chunkTypeSince`, `fieldSince`, `finishReasonSupport` and `strictClientReleases`.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  chunkSchemas,
  chunkTypeSince,
  fieldAfterStrict,
  fieldSince,
  finishReasonSupport,
  strictClientReleases,
  versionAtLeast,
  type ClientVersion,
  type NamedChunkType,
} from './chunks.js';
import { sdkAccepts, type SdkRelease } from '../test-support/client.js';
import { sdkChunkTypes, sdkFinishReasons } from '../test-support/sdk-schema-probe.js';
import aiPackage from 'ai/package.json' with { type: 'json' };
import ai5strictPackage from 'ai5strict/package.json' with { type: 'json' };
import ai5loosePackage from 'ai5loose/package.json' with { type: 'json' };
import ai6strictPackage from 'ai6strict/package.json' with { type: 'json' };
import ai7Package from 'ai7/package.json' with { type: 'json' };

const installed: Record<SdkRelease, string> = {
  ai5strict: ai5strictPackage.version,
  ai5loose: ai5loosePackage.version,
  ai6strict: ai6strictPackage.version,
  ai: aiPackage.version,
  ai7: ai7Package.version,
};
const releases = Object.keys(installed) as SdkRelease[];
const major = (release: SdkRelease): ClientVersion => installed[release].split('.')[0] as ClientVersion;
const versionParts = (version: string): number[] => version.split('.').map(Number);
const compareVersions = (a: string, b: string): number => versionParts(a).reduce((result, value, i) => result || value - versionParts(b)[i], 0);
/** Our tables are per major: they describe its newest installed release; older ones may know less. */
const isNewestOfMajor = (release: SdkRelease): boolean =>
  releases.every((other) => major(other) !== major(release) || compareVersions(installed[other], installed[release]) <= 0);

/** Whether `version` falls in one of `strictClientReleases`' ranges ("5.0.0–5.0.216"). */
function inStrictRange(version: string): boolean {
  return strictClientReleases.some((range) => {
    const [low, high] = range.split('–');
    return compareVersions(version, low) >= 0 && compareVersions(version, high) <= 0;
  });
}

const unwrap = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema);

/** A valid value for a field schema of ours. */
function sampleValue(schema: z.ZodType): unknown {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodString) return 'x';
  if (inner instanceof z.ZodBoolean) return true;
  if (inner instanceof z.ZodLiteral) return inner.value;
  if (inner instanceof z.ZodEnum) return inner.options[0];
  if (inner instanceof z.ZodRecord) return {};
  if (inner instanceof z.ZodArray) return [];
  return { any: 'value' };
}

/** A value of the wrong type for a field (so a release that knows the field rejects it). */
function wrongValue(schema: z.ZodType): unknown {
  const inner = unwrap(schema);
  return inner instanceof z.ZodString || inner instanceof z.ZodEnum || inner instanceof z.ZodLiteral ? 42 : 'not-this-type';
}

const shapeOf = (type: NamedChunkType) => chunkSchemas[type].shape as Record<string, z.ZodType>;
// zod 4: a key is optional in an object only when its schema is optional (`z.unknown()` is not).
const isRequired = (schema: z.ZodType): boolean => schema._zod.optin !== 'optional';

/** The smallest chunk of `type` our schema accepts: its required fields only. */
function minimalChunk(type: NamedChunkType): Record<string, unknown> {
  const chunk: Record<string, unknown> = { type };
  for (const [field, schema] of Object.entries(shapeOf(type))) if (field !== 'type' && isRequired(schema)) chunk[field] = sampleValue(schema);
  return chunk;
}

const namedTypes = Object.keys(chunkSchemas) as NamedChunkType[];
const ourTypesFor = (version: ClientVersion) => namedTypes.filter((type) => versionAtLeast(version, chunkTypeSince[type])).sort();
const ourFieldsFor = (type: NamedChunkType, version: ClientVersion) =>
  Object.keys(shapeOf(type))
    .filter((field) => field !== 'type' && versionAtLeast(version, fieldSince(type, field) ?? '5'))
    .sort();

describe.each(releases)('%s: chunkSchemas agree with the release\'s own uiMessageChunkSchema', (release) => {
  const version = major(release);

  it('knows exactly the chunk types chunkTypeSince gives its major version', async () => {
    const types = await sdkChunkTypes(release);
    expect([...types.keys()].sort()).toEqual(ourTypesFor(version));
  });

  it('requires exactly the fields our schemas require', async () => {
    for (const [type, { required }] of await sdkChunkTypes(release)) {
      const ours = Object.entries(shapeOf(type as NamedChunkType)).filter(([field, schema]) => field !== 'type' && isRequired(schema)).map(([field]) => field);
      expect(required, type).toEqual(ours.sort());
    }
  });

  it(`has ${isNewestOfMajor(release) ? 'exactly' : 'a subset of'} the fields fieldSince gives its major version, for every type it knows`, async () => {
    const types = await sdkChunkTypes(release);
    for (const [type, { fields }] of types) {
      const ours = ourFieldsFor(type as NamedChunkType, version);
      if (isNewestOfMajor(release)) expect(fields, type).toEqual(ours);
      else expect(ours, type).toEqual(expect.arrayContaining(fields));
    }
  });

  if (inStrictRange(installed[release]) && !isNewestOfMajor(release)) {
    it('lacks exactly the fields of its major marked as coming after the strict releases', async () => {
      for (const [type, { fields }] of await sdkChunkTypes(release)) {
        const ours = ourFieldsFor(type as NamedChunkType, version).filter((field) => !fieldAfterStrict(type, field, version));
        expect(fields, type).toEqual(ours);
      }
    });
  }

  it('accepts exactly the finish reasons finishReasonSupport gives its major version', async () => {
    const ours = Object.entries(finishReasonSupport)
      .filter(([, versions]) => (versions as readonly ClientVersion[]).includes(version))
      .map(([reason]) => reason)
      .sort();
    expect(await sdkFinishReasons(release)).toEqual(ours);
  });

  it(`${inStrictRange(installed[release]) ? 'rejects' : 'accepts'} fields it does not know, as strictClientReleases says`, async () => {
    const strict = inStrictRange(installed[release]);
    for (const type of ourTypesFor(version)) {
      expect(await sdkAccepts(minimalChunk(type), release), type).toBe(true);
      expect(await sdkAccepts({ ...minimalChunk(type), notAField: 1 }, release), type).toBe(!strict);
    }
  });

  it('accepts a field of ours with a valid value where it knows the field, and type-checks it', async () => {
    const strict = inStrictRange(installed[release]);
    const types = await sdkChunkTypes(release);
    for (const [type, { fields }] of types) {
      for (const [field, schema] of Object.entries(shapeOf(type as NamedChunkType))) {
        if (field === 'type') continue;
        // The release's own field list decides (older releases of a major know fewer fields).
        const known = fields.includes(field);
        if (isNewestOfMajor(release)) expect(known, `${type}.${field}`).toBe(versionAtLeast(version, fieldSince(type, field) ?? '5'));
        const chunk = minimalChunk(type as NamedChunkType);
        expect(await sdkAccepts({ ...chunk, [field]: sampleValue(schema) }, release), `${type}.${field}`).toBe(known || !strict);
        if (known && !(unwrap(schema) instanceof z.ZodUnknown)) {
          expect(await sdkAccepts({ ...chunk, [field]: wrongValue(schema) }, release), `${type}.${field} mistyped`).toBe(false);
        }
      }
    }
  });
});

describe('the version facts of DESIGN.md, on the wire (parseJsonEventStream)', () => {
  it('extra fields: rejected by the strict releases, accepted by the loose ones', async () => {
    const chunk = { type: 'text-delta', id: 't1', delta: 'hi', sessionId: 'extra' };
    expect(await sdkAccepts(chunk, 'ai5strict')).toBe(false);
    expect(await sdkAccepts(chunk, 'ai6strict')).toBe(false);
    expect(await sdkAccepts(chunk, 'ai5loose')).toBe(true);
    expect(await sdkAccepts(chunk, 'ai')).toBe(true);
    expect(await sdkAccepts(chunk, 'ai7')).toBe(true);
  });

  it('finishReason "unknown" is valid in v5 only', async () => {
    const chunk = { type: 'finish', finishReason: 'unknown' };
    expect(await sdkAccepts(chunk, 'ai5strict')).toBe(true);
    expect(await sdkAccepts(chunk, 'ai5loose')).toBe(true);
    expect(await sdkAccepts(chunk, 'ai6strict')).toBe(false);
    expect(await sdkAccepts(chunk, 'ai')).toBe(false);
    expect(await sdkAccepts(chunk, 'ai7')).toBe(false);
  });

  it('v6 chunk types and fields are rejected by v5 clients', async () => {
    const v6 = [
      { type: 'tool-approval-request', approvalId: 'a1', toolCallId: 'c1' },
      { type: 'tool-output-denied', toolCallId: 'c1' },
      { type: 'abort', reason: 'stopped' },
    ];
    for (const chunk of v6) {
      expect(await sdkAccepts(chunk, 'ai5strict'), chunk.type).toBe(false);
      expect(await sdkAccepts(chunk, 'ai6strict'), chunk.type).toBe(true);
      expect(await sdkAccepts(chunk, 'ai7'), chunk.type).toBe(true);
    }
    // A loose v5 client lets the unknown `reason` field through, but not the unknown types.
    expect(await sdkAccepts(v6[0], 'ai5loose')).toBe(false);
    expect(await sdkAccepts(v6[1], 'ai5loose')).toBe(false);
  });

  it('v7 chunk types are rejected by v5 and v6 clients', async () => {
    const v7 = (['tool-approval-response', 'custom', 'reasoning-file', 'reset-step'] as const).map(minimalChunk);
    for (const chunk of v7) {
      for (const release of ['ai5strict', 'ai5loose', 'ai6strict', 'ai'] as const) expect(await sdkAccepts(chunk, release), `${String(chunk.type)} ${release}`).toBe(false);
      expect(await sdkAccepts(chunk, 'ai7'), String(chunk.type)).toBe(true);
    }
  });
});
