/**
 * The shapes the background stores, validated when read back: storage outlives the code that
 * wrote it and may hold anything, so a value that does not fit is dropped with a warning instead
 * of crashing the worker.
 */
import { z } from 'zod';
import { capturedChunkSchema, streamEndSchema, streamMetaSchema, type StreamInfo } from '../shared/messages.js';

const streamInfoSchema = z.object({
  id: z.string().regex(/^[1-9]\d*$/),
  tabId: z.number().int().nonnegative(),
  frameId: z.number().int().nonnegative(),
  meta: streamMetaSchema,
  bytes: z.number().int().nonnegative(),
  truncated: z.boolean(),
  truncation: z.string().nullable(),
  end: streamEndSchema.nullable(),
}) satisfies z.ZodType<StreamInfo>;

export const streamRecordSchema = z.object({
  info: streamInfoSchema,
  route: z.string(),
  /** Epoch ms the background first heard of it (navigation clears what came before). */
  receivedAt: z.number(),
});
export type StreamRecord = z.infer<typeof streamRecordSchema>;

export const chunkBatchSchema = z.array(capturedChunkSchema);
export const tabPrefsSchema = z.object({ preserveLog: z.boolean() });
export const relaySeqSchema = z.number().int().min(-1);
