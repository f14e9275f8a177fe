/** `streamscope/playwright`: end-to-end tests of a chat UI against scripted, genuinely streamed scenarios. */
export { test, expect, type Devtools, type StreamscopeOptions, type StreamscopeWorkerOptions } from './fixtures.js';
export type { Mock } from './mock.js';
export type { Streams, StreamRef } from './streams.js';
export type { CapturedStream, StreamLintOptions } from './captured-stream.js';
export type { FindingsMatch, FindingsThreshold } from './matchers.js';
export { messageText } from './matchers.js';
export { launchDevtools, type DevtoolsBrowser, type DevtoolsLaunchOptions } from './devtools.js';
export type { Panel, PanelDetail, PanelEvent, PanelLayout, PanelRow, PanelTab, PanelView } from './panel-view.js';
export { extensionDir } from './extension-dir.js';
