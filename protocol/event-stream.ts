/**
 * Which responses are event streams to read: the one rule the page hook and the network log share.
 *
 * The page hook runs this inside pages, after page scripts may have replaced any prototype method,
 * so it calls none: it reads the string by index and compares characters (a string's indexes and
 * `length` are its own, never looked up on `String.prototype`).
 */

/** The header AI SDK UI message stream responses carry (`v1`). */
export const uiMessageStreamHeader = 'x-vercel-ai-ui-message-stream';

const eventStreamType = 'text/event-stream';
/** The same in capitals: only ASCII letters fold onto the type's letters (no other character
 * lowercases to one of them), so any case of it is, letter by letter, one of the two. */
const eventStreamTypeUpper = 'TEXT/EVENT-STREAM';
/** What `String.prototype.trim` strips: ECMAScript white space and line terminators. */
const trimmed = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

function isTrimmed(char: string): boolean {
  for (let index = 0; index < trimmed.length; index++) if (trimmed[index] === char) return true;
  return false;
}

/** `text/event-stream` (any case, with parameters), or any response with the AI SDK header. */
export function isEventStream(contentType: string | null, uiMessageStream: string | null): boolean {
  if (uiMessageStream !== null) return true;
  if (contentType === null) return false;
  let end = 0;
  while (end < contentType.length && contentType[end] !== ';') end++;
  let start = 0;
  while (start < end && isTrimmed(contentType[start])) start++;
  while (end > start && isTrimmed(contentType[end - 1])) end--;
  if (end - start !== eventStreamType.length) return false;
  for (let index = 0; index < eventStreamType.length; index++) {
    const char = contentType[start + index];
    if (char !== eventStreamType[index] && char !== eventStreamTypeUpper[index]) return false;
  }
  return true;
}
