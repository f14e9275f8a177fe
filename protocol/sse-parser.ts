/**
 * An incremental Server-Sent Events parser following the WHATWG event-stream rules: CR, LF and
 * CRLF line ends (also split across chunks), `:` comments, multi-line `data`, `event`, `id`,
 * `retry`, fields without a colon, one leading BOM. Text in, callbacks out; problems in the input
 * are reported through `onProblem`, never thrown. `createSseByteParser` adds streaming UTF-8
 * decoding, so any split of the bytes yields the same events.
 */
import { limits } from './limits.js';

export type SseEvent = {
  /** The `event:` field, or null (clients treat it as "message"). */
  event: string | null;
  /** The `id:` field of this event, or null. */
  id: string | null;
  /** The `data:` lines joined by `\n`. */
  data: string;
  /** The event's field lines as they arrived (line ends normalised to `\n`). */
  raw: string;
};

export type SseProblem =
  | { kind: 'unknown-field'; field: string; line: string }
  | { kind: 'invalid-retry'; value: string; line: string }
  | { kind: 'invalid-id'; line: string }
  | { kind: 'no-data'; raw: string }
  | { kind: 'unterminated-event'; raw: string }
  | { kind: 'event-too-large'; bytes: number; limit: number };

export type SseParserOptions = {
  onEvent: (event: SseEvent) => void;
  /** A comment line, as it arrived (with its leading colon). */
  onComment?: (line: string) => void;
  onRetry?: (ms: number) => void;
  onProblem?: (problem: SseProblem) => void;
  /** Characters one event (or one line) may hold; past it the event is skipped and reported. */
  maxEventSize?: number;
};

export type SseParser = {
  /**
   * Parses the next piece of text; a line may be split anywhere, even between CR and LF. Pass
   * `mayHaveCR: false` when the caller knows the piece has no CR (it saves a scan of the piece).
   */
  feed(text: string, mayHaveCR?: boolean): void;
  /** Ends the stream: an event without its terminating blank line is reported, not dispatched. */
  end(): void;
};

export function createSseParser(options: SseParserOptions): SseParser {
  const { onEvent, onComment, onRetry, onProblem } = options;
  const maxEventSize = options.maxEventSize ?? limits.sseEventChars;

  let atStart = true;
  // A CR ended the last piece: an LF at the start of the next one belongs to it.
  let afterCR = false;
  // Pieces of the current, unfinished line (kept as a list: concatenating them piece by piece
  // would copy a large line once per chunk).
  let pending: string[] = [];
  let pendingSize = 0;

  let data: string | null = null;
  let eventType: string | null = null;
  let id: string | null = null;
  // The event's field lines so far, joined by \n (one string, not a list: most events are one line).
  let raw: string | null = null;
  let eventSize = 0;
  let skipping = false;

  function resetEvent(): void {
    data = null;
    eventType = null;
    id = null;
    raw = null;
    eventSize = 0;
  }

  function dispatch(): void {
    if (skipping) {
      skipping = false;
      resetEvent();
      return;
    }
    if (raw === null) return;
    if (data === null) {
      // WHATWG: an event without data is not dispatched; say so rather than lose it quietly.
      onProblem?.({ kind: 'no-data', raw });
    } else {
      // An empty event type means the default ("message"), as a missing one does.
      onEvent({ event: eventType || null, id, data, raw });
    }
    resetEvent();
  }

  function field(name: string, value: string, line: string): void {
    switch (name) {
      case 'data':
        data = data === null ? value : `${data}\n${value}`;
        return;
      case 'event':
        eventType = value;
        return;
      case 'id':
        if (value.includes('\0')) onProblem?.({ kind: 'invalid-id', line });
        else id = value;
        return;
      case 'retry':
        if (/^\d+$/.test(value)) onRetry?.(Number(value));
        else onProblem?.({ kind: 'invalid-retry', value, line });
        return;
      default:
        onProblem?.({ kind: 'unknown-field', field: name, line });
    }
  }

  function line(text: string): void {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.charCodeAt(0) === 58 /* : */) {
      onComment?.(text);
      return;
    }
    if (skipping) return;
    eventSize += text.length;
    if (eventSize > maxEventSize) {
      onProblem?.({ kind: 'event-too-large', bytes: eventSize, limit: maxEventSize });
      skipping = true;
      resetEvent();
      return;
    }
    raw = raw === null ? text : `${raw}\n${text}`;
    if (text.startsWith('data:')) {
      // The common line, read without slicing out its field name.
      const value = text.charCodeAt(5) === 32 ? text.slice(6) : text.slice(5);
      data = data === null ? value : `${data}\n${value}`;
      return;
    }
    const colon = text.indexOf(':');
    if (colon === -1) {
      field(text, '', text);
      return;
    }
    const valueStart = text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
    field(text.slice(0, colon), text.slice(valueStart), text);
  }

  function keepPending(piece: string): void {
    pendingSize += piece.length;
    if (pendingSize > maxEventSize && !skipping) {
      onProblem?.({ kind: 'event-too-large', bytes: pendingSize, limit: maxEventSize });
      skipping = true;
      resetEvent();
    }
    // While skipping, only whether the line is empty matters: keep one character, not the line.
    if (!skipping) pending.push(piece);
    else if (pending.length === 0 && piece !== '') pending.push(piece.slice(0, 1));
  }

  function takePending(tail: string): string {
    pendingSize = 0;
    if (pending.length === 0) return tail;
    pending.push(tail);
    const whole = pending.join('');
    pending = [];
    return whole;
  }

  /** `mayHaveCR: false` skips the search for CR line ends, which would scan the whole piece. */
  function feed(input: string, mayHaveCR = true): void {
    if (input === '') return;
    let text = input;
    if (atStart && text.length > 0) {
      atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let pos = 0;
    if (afterCR && text.charCodeAt(0) === 10) pos = 1;
    afterCR = false;
    const length = text.length;
    let nextCR = mayHaveCR ? text.indexOf('\r', pos) : -1;
    let nextLF = text.indexOf('\n', pos);
    while (pos < length) {
      // Each index is searched again only once passed, so a chunk is scanned in linear time.
      if (nextCR !== -1 && nextCR < pos) nextCR = text.indexOf('\r', pos);
      if (nextLF !== -1 && nextLF < pos) nextLF = text.indexOf('\n', pos);
      const end = nextCR === -1 ? nextLF : nextLF === -1 ? nextCR : Math.min(nextCR, nextLF);
      if (end === -1) {
        keepPending(text.slice(pos));
        return;
      }
      line(takePending(text.slice(pos, end)));
      if (text.charCodeAt(end) === 13) {
        if (end + 1 === length) afterCR = true;
        else if (text.charCodeAt(end + 1) === 10) {
          pos = end + 2;
          continue;
        }
      }
      pos = end + 1;
    }
  }

  function end(): void {
    const last = takePending('');
    if (last !== '' && !skipping) line(last);
    if (raw !== null) onProblem?.({ kind: 'unterminated-event', raw });
    resetEvent();
    skipping = false;
    afterCR = false;
  }

  return { feed, end };
}

export type SseByteParser = {
  /** Parses the next bytes; a UTF-8 sequence may be split anywhere. */
  feed(bytes: Uint8Array): void;
  end(): void;
};

/**
 * UTF-8 bytes in, events out: the text decoder keeps partial characters across chunks. It keeps
 * the BOM (`ignoreBOM`) for the text parser to strip: one BOM is stripped in all, as the client's
 * TextDecoderStream strips one and eventsource-parser none, so a second BOM spoils the first line.
 */
export function createSseByteParser(options: SseParserOptions): SseByteParser {
  const parser = createSseParser(options);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return {
    feed(bytes) {
      // Looking for CR in the bytes is a native scan; in the decoded text it costs far more.
      parser.feed(decoder.decode(bytes, { stream: true }), bytes.indexOf(13) !== -1);
    },
    end() {
      parser.feed(decoder.decode());
      parser.end();
    },
  };
}

/** The `data` of one event's raw field lines (`SseEvent.raw`), as the parser reads it. */
export function sseEventData(raw: string): string {
  let data = '';
  createSseParser({ onEvent: (event) => (data = event.data), maxEventSize: Infinity }).feed(`${raw}\n\n`);
  return data;
}
