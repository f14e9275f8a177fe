/**
 * The many-tool-calls bench's input: one message whose single step makes `calls` tool calls,
 * each with streamed input and an output — the shape where looking a call up by scanning the
 * message's parts makes decoding quadratic.
 */
import { encodeChunk, encodeDone, type UIMessageChunk } from '../../protocol/index.js';

function* toolCallChunks(calls: number): Generator<UIMessageChunk> {
  yield { type: 'start', messageId: 'bench-tools' };
  yield { type: 'start-step' };
  for (let call = 0; call < calls; call++) {
    const toolCallId = `call-${call}`;
    yield { type: 'tool-input-start', toolCallId, toolName: 'lookup' };
    yield { type: 'tool-input-delta', toolCallId, inputTextDelta: `{"id":${call},` };
    yield { type: 'tool-input-delta', toolCallId, inputTextDelta: '"exact":true}' };
    yield { type: 'tool-input-available', toolCallId, toolName: 'lookup', input: { id: call, exact: true } };
    yield { type: 'tool-output-available', toolCallId, output: { found: call % 7 } };
  }
  yield { type: 'finish-step' };
  yield { type: 'finish', finishReason: 'stop' };
}

/** The stream's bytes, and its number of SSE events (`[DONE]` included). */
export function toolCallsStream(calls: number): { bytes: Uint8Array; events: number } {
  const parts: string[] = [];
  for (const chunk of toolCallChunks(calls)) parts.push(encodeChunk(chunk));
  parts.push(encodeDone());
  return { bytes: new TextEncoder().encode(parts.join('')), events: parts.length };
}
