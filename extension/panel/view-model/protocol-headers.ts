/**
 * The response headers the UI message stream protocol cares about, each with what an AI SDK server
 * sends and why it matters, for the Request tab. The verdict on a bad one is the linter's
 * (`header-problem` findings); this says what each header is for.
 */
import { headerOf, isEventStream, headerMayBeHidden, type ResponseInfo } from '../../../protocol/index.js';

export type ProtocolHeader = {
  name: string;
  value: string | null;
  /** What AI SDK servers send (null: nothing). */
  expected: string | null;
  matches: boolean;
  /** Absent here, but a cross-origin page cannot see it (CORS exposes only some headers): not judged. */
  hidden: boolean;
  why: string;
};

const protocolHeaders: { name: string; expected: string | null; why: string; matches(value: string | null): boolean }[] = [
  {
    name: 'content-type',
    expected: 'text/event-stream',
    why: 'the client parses the body as SSE whatever it says, but proxies and compression middleware buffer other types, and EventSource refuses them',
    matches: (value) => isEventStream(value, null),
  },
  {
    name: 'x-vercel-ai-ui-message-stream',
    expected: 'v1',
    why: 'marks a UI message stream (protocol version 1); the client does not check it, tools and proxies do',
    matches: (value) => value?.trim() === 'v1',
  },
  {
    name: 'content-encoding',
    expected: null,
    why: 'a compressed stream arrives in the compressor\'s blocks and is often buffered whole; AI SDK servers send it uncompressed',
    matches: (value) => value === null || value.trim().toLowerCase() === 'identity',
  },
  {
    name: 'cache-control',
    expected: 'no-cache',
    why: 'keeps caches and service workers from storing or replaying the stream',
    matches: (value) => value !== null && /no-cache|no-store/i.test(value),
  },
  {
    name: 'x-accel-buffering',
    expected: 'no',
    why: 'tells nginx (and proxies that honour it) not to buffer the response, so events arrive as they are sent',
    matches: (value) => value?.trim().toLowerCase() === 'no',
  },
];

/** A header's value, its name matched in any case; null when absent. */
export function checkProtocolHeaders(response: ResponseInfo): ProtocolHeader[] {
  return protocolHeaders.map(({ name, expected, why, matches }) => {
    const value = headerOf(response, name);
    const hidden = value === null && headerMayBeHidden(response, name);
    return { name, value, expected, matches: hidden || matches(value), hidden, why };
  });
}

/** Header names whose values are secrets: hidden in the panel and in every export unless revealed. */
const secretHeader = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token)$|(^|-)(api-?key|token|secret|session)($|-)/i;

export function isSecretHeader(name: string): boolean {
  return secretHeader.test(name);
}
