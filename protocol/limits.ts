/**
 * Every cap and default of streamscope in one table: the decoder's defaults, and the capture
 * path's caps (page hook → relay → background → panel). Plain numbers with no imports, so the
 * page hook, which runs in every frame of every page, can use them without pulling in anything.
 */
export const limits = {
  /** A gap longer than this with no chunk is a stall, in ms. */
  stallMs: 5000,
  /** Findings kept per code; past it they are counted in one closing finding. */
  findingsPerCode: 200,
  /** Characters one SSE event (or one line) may hold; past it the event is skipped and reported. */
  sseEventChars: 64 * 1024 * 1024,

  /** Bytes of one body chunk in one message; larger reads are split by the hook. */
  chunkBytes: 256 * 1024,
  /** Default budget: bytes kept of one stream; past it the stream is marked truncated. */
  streamBytes: 64 * 1024 * 1024,
  /**
   * Default budget: bytes kept for one tab across its streams, metadata included; past it the
   * tab's oldest ended streams are dropped, then its live stream is truncated.
   */
  tabBytes: 128 * 1024 * 1024,
  /** Default budget: bytes kept across every tab; past it a tab's new bytes are truncated. */
  totalBytes: 512 * 1024 * 1024,
  /** The range a budget setting may take. */
  budgetMinBytes: 1024 * 1024,
  budgetMaxBytes: 2 * 1024 * 1024 * 1024,
  /** Bytes a relay holds unacknowledged; past it new chunks are dropped and the stream truncated. */
  relayQueueBytes: 32 * 1024 * 1024,
  /** Messages in one relay → background batch, and their bytes (Chrome caps a message at 64 MiB). */
  batchMessages: 512,
  batchBytes: 1024 * 1024,
  /** Real size (JSON characters, metadata included) of one relay message; a larger start is dropped. */
  messageBytes: 1024 * 1024,
  /** Characters kept of a request body. */
  requestBody: 64 * 1024,
  /** Characters of a URL, header name or value. */
  text: 8 * 1024,
  /** Characters of a request method. */
  method: 32,
  /** Characters of a status text, an error description or a capture note. */
  shortText: 1024,
  headers: 200,
  /** Streams tracked for one tab. */
  streamsPerTab: 500,

  /**
   * Levels of nesting in the message the AI SDK client survives: it copies the message with
   * `structuredClone` at every update, which recurses and overflows the call stack deeper than
   * this. Measured with ai 6.0.326 and 7.0.173 (metadata and data parts alike): 1,924 levels in
   * Node 20, 3,659 in Chromium; kept a little lower, as the stack already in use varies.
   */
  clientMessageDepthNode: 1900,
  clientMessageDepthBrowser: 3600,

  /** Characters of one scenario text or reasoning step once repeated: a longer one cannot play. */
  scenarioPartChars: 32 * 1024 * 1024,
  /** Levels of arrays and objects in a scenario step's field: the encoder's `JSON.stringify` recurses. */
  scenarioJsonDepth: 1000,
  /** Bytes of a file the panel imports (`.sse`, HAR, decode report, scenario); a larger one is refused. */
  importFileBytes: 128 * 1024 * 1024,
  /** Bytes an imported scenario may expand to (its script played into one stream); past it the import is refused. */
  importScenarioBytes: 64 * 1024 * 1024,
  /** Bytes of a request body the mock server reads by default; past it, 413. */
  mockRequestBodyBytes: 16 * 1024 * 1024,
} as const;
