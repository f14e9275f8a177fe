/**
 * What each dialect adds to the AI SDK protocol. A dialect changes what is understood and
 * shown (AutoGPT's heartbeats, token usage, `<turn>:<redis-id>` ids), never the verdict:
 * findings always describe what an AI SDK client does with the bytes.
 */
import { usageSchema, type Usage } from './schemas/report.js';

export type CommentMeaning = { kind: 'heartbeat' } | { kind: 'usage'; usage: Usage } | { kind: 'other' };

/** AutoGPT reports usage first as a `usage` data chunk, later as `: usage {json}` comments. */
export function readComment(comment: string): CommentMeaning {
  const text = comment.trim();
  if (text === 'heartbeat') return { kind: 'heartbeat' };
  if (text.startsWith('usage ')) {
    const usage = parseUsage(text.slice('usage '.length));
    if (usage) return { kind: 'usage', usage };
  }
  return { kind: 'other' };
}

function parseUsage(json: string): Usage | null {
  try {
    const parsed = usageSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The usage carried by AutoGPT's `usage` data chunk, which AI SDK clients reject. */
export function usageFromChunk(value: unknown): Usage | null {
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'usage') return null;
  const { type: _type, ...fields } = value as Record<string, unknown>;
  const parsed = usageSchema.safeParse(fields);
  return parsed.success ? parsed.data : null;
}
