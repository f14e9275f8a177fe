/**
 * Test-only: reads what a real `ai` release's `uiMessageChunkSchema` knows, by asking it (no
 * copied tables): the chunk types and their required fields from the union's error on an unknown
 * type, every field of a type from the keys its validator reads, the finish reasons from the
 * enum's error, and whether it rejects fields it does not know.
 */
import { sdkReleases, type SdkRelease } from './client.js';

type Issue = { code: string; path: PropertyKey[]; values?: unknown[]; errors?: Issue[][] };
type ValidateResult = { success: true; value: unknown } | { success: false; error: { issues: Issue[] } };
type Validator = { validate(value: unknown): Promise<ValidateResult> | ValidateResult };

function validator(release: SdkRelease): Validator {
  const schema = sdkReleases[release].uiMessageChunkSchema;
  return (typeof schema === 'function' ? schema() : schema) as Validator;
}

export async function validateWithSdk(release: SdkRelease, value: unknown): Promise<ValidateResult> {
  return validator(release).validate(value);
}

export type SdkChunkType = { required: string[]; fields: string[] };

/**
 * Every named variant of the release's union: its type literal, its required fields and all its
 * fields. A chunk of no known type fails every variant, so each variant both reports its issues
 * (in option order: the type literal, the missing required fields) and reads each of its fields
 * from the probe; the reads between two reads of `type` are one variant's fields.
 */
export async function sdkChunkTypes(release: SdkRelease): Promise<Map<string, SdkChunkType>> {
  const reads: string[] = [];
  const probe = new Proxy({ type: '\u0000probe' } as Record<string, unknown>, {
    get(target, key) {
      if (typeof key === 'string') reads.push(key);
      return Reflect.get(target, key);
    },
  });
  const result = await validateWithSdk(release, probe);
  if (result.success) throw new Error(`${release} accepted a probe chunk type`);
  const [union] = result.error.issues;
  const fieldsByOption = reads
    .join('\n')
    .split(/^type$/m)
    .slice(1)
    .map((segment) => [...new Set(segment.split('\n').filter(Boolean))].sort());
  const variants = union.errors ?? [];
  if (fieldsByOption.length !== variants.length) throw new Error(`${release}: ${variants.length} variants but ${fieldsByOption.length} read segments`);
  const types = new Map<string, SdkChunkType>();
  variants.forEach((variant, option) => {
    const literal = variant.find((issue) => issue.path.join('.') === 'type' && issue.code === 'invalid_value');
    if (!literal?.values) return; // the `data-*` variant is a custom check, not a literal
    const required = variant.filter((issue) => issue.path.length === 1 && issue.path[0] !== 'type').map((issue) => String(issue.path[0]));
    types.set(String(literal.values[0]), { required: required.sort(), fields: fieldsByOption[option] });
  });
  return types;
}

/** The finish reasons the release's `finish` variant accepts. */
export async function sdkFinishReasons(release: SdkRelease): Promise<string[]> {
  const result = await validateWithSdk(release, { type: 'finish', finishReason: '\u0000probe' });
  if (result.success) throw new Error(`${release} accepted a probe finish reason`);
  const issues = result.error.issues[0].errors?.flat() ?? result.error.issues;
  const reasons = issues.find((issue) => issue.path.join('.') === 'finishReason' && issue.values);
  return (reasons?.values ?? []).map(String).sort();
}
