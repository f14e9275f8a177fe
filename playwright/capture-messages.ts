/**
 * What the collector hands the test: the page hook's records (extension/shared/messages.ts, page
 * hook → relay), bytes as base64. The page can call the binding with anything, so each record is
 * read with a schema and dropped when it does not fit. Only the fields the test reads are checked.
 */
import { z } from 'zod';

/**
 * The hook's `postMessage` tag. It equals `PAGE_MESSAGE_SOURCE` in extension/shared/hops.ts (a
 * unit test says so); it is repeated because the built extension and this module live in
 * different builds.
 */
export const pageMessageSource = 'streamscope:page';

const offset = z.number().finite().nonnegative();

export const capturedMetaSchema = z.looseObject({
  transport: z.string(),
  url: z.string(),
  method: z.string(),
  status: z.number(),
  requestBody: z.string().nullable(),
  responseHeaders: z.record(z.string(), z.string()),
  note: z.string().nullable(),
  /** `non-stream`: a chat request answered without an event stream; not one of `streams`. */
  response: z.string().optional(),
});
export type CapturedMeta = z.infer<typeof capturedMetaSchema>;

export const captureEndSchema = z.object({ at: offset, outcome: z.enum(['complete', 'cancelled', 'error']), error: z.string().optional() });
export type CaptureEnd = z.infer<typeof captureEndSchema>;

export const captureMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stream-start'), streamId: z.string().min(1), meta: capturedMetaSchema }),
  z.object({ kind: z.literal('stream-chunk'), streamId: z.string().min(1), at: offset, bytes: z.base64() }),
  z.object({ kind: z.literal('stream-end'), streamId: z.string().min(1), end: captureEndSchema }),
]);
export type CaptureMessage = z.infer<typeof captureMessageSchema>;
