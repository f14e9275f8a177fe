/**
 * What the streamscope panel shows, read from its frame inside DevTools. Every selector the panel
 * tests rely on is here, so a change to the panel's markup is made once.
 */
import type { DevtoolsTargets } from './devtools-targets.js';

export type PanelRow = {
  text: string;
  method: string;
  path: string;
  state: string;
  /** The panel's decoder caught up with the bytes and, once ended, judged the end: `state` and the counts are its verdict. */
  settled: boolean;
  tag: string | null;
  events: number;
  findings: string;
};
/** The detail views, in the order of their tabs and keys (1–5). */
export const panelViews = ['events', 'findings', 'message', 'timing', 'request'] as const;
export type PanelView = (typeof panelViews)[number];
/** The selected stream as its detail views show it (each read from the view shown). */
export type PanelDetail = {
  header: string;
  /** The view whose tab is selected. */
  view: PanelView | null;
  events: number | null;
  findings: string[];
  messageText: string;
  /** The Request view's text (empty while another view is shown). */
  request: string;
  note: string | null;
};
/** One row of the Events view as rendered: the list is virtualized, so only the rows in sight. */
export type PanelEvent = { index: number; label: string; payload: string };
/**
 * A detail tab as laid out: `reachable` when the whole tab lies inside the panel and a click at its
 * centre lands on it (not cut off, not covered).
 */
export type PanelTab = { view: PanelView; selected: boolean; reachable: boolean };

/**
 * How the panel is laid out at its current width: the stream list's columns shown in its first row
 * (class names), the detail header's height and whether a long error or note is cut to one line,
 * and whether the view shown lies within the panel.
 */
export type PanelLayout = {
  width: number;
  listWidth: number;
  listColumns: string[];
  headerHeight: number | null;
  /** A long error or note in the header, cut (its whole text a click away); null without one. */
  headerCut: boolean | null;
  viewVisible: boolean;
};
/** The selected stream's export and copy actions (their buttons' labels). */
export type PanelExport = '.sse' | 'report' | 'HAR' | 'scenario' | 'all as HAR' | 'cURL' | 'lint' | 'fetch';
/** A file to import: its name and content (base64). */
export type PanelImportFile = { name: string; base64: string };

/** The element each view renders its content in. */
const viewTestIds: Record<PanelView, string> = { events: 'events-list', findings: 'findings', message: 'message', timing: 'timing', request: 'request' };

const readRows = `[...document.querySelectorAll('[data-testid=stream-row]')].map((row) => ({
  text: row.textContent,
  method: row.querySelector('.col-method')?.textContent ?? '',
  path: row.querySelector('.col-path')?.textContent ?? '',
  state: row.dataset.state ?? '',
  settled: row.dataset.settled === 'true',
  tag: row.querySelector('.tag')?.textContent ?? null,
  events: Number(row.querySelector('.col-events')?.textContent ?? 'NaN'),
  findings: row.querySelector('.col-findings')?.textContent ?? '',
}))`;

const readDetail = `(() => {
  const detail = document.querySelector('[data-testid=stream-detail]');
  if (!detail) return null;
  const count = detail.querySelector('.tab-count');
  const views = ${JSON.stringify(panelViews)};
  const tab = [...detail.querySelectorAll('[role=tab]')].findIndex((tab) => tab.getAttribute('aria-selected') === 'true');
  return {
    header: detail.querySelector('[data-testid=detail-header]')?.textContent ?? '',
    view: views[tab] ?? null,
    events: count ? Number(count.textContent) : null,
    findings: [...detail.querySelectorAll('[data-testid=finding] .finding-code')].map((code) => code.textContent),
    messageText: [...detail.querySelectorAll('[data-testid=message] [data-testid=part-text] .part-text')].map((text) => text.textContent).join(''),
    request: detail.querySelector('[data-testid=request]')?.textContent ?? '',
    note: detail.querySelector('[data-testid=stream-note]')?.textContent ?? null,
  };
})()`;

const readEvents = `[...document.querySelectorAll('[data-testid=event-row]')].map((row) => ({
  index: Number(row.querySelector('.col-index')?.textContent ?? 'NaN'),
  label: row.querySelector('.col-type')?.textContent ?? '',
  payload: row.querySelector('.col-payload')?.textContent ?? '',
}))`;

const readTabs = `[...document.querySelectorAll('[data-testid=stream-detail] [role=tab]')].map((tab, position) => {
  const box = tab.getBoundingClientRect();
  const inside = box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight;
  const hit = inside ? document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) : null;
  return { view: ${JSON.stringify(panelViews)}[position], selected: tab.getAttribute('aria-selected') === 'true', reachable: Boolean(hit && tab.contains(hit)) };
})`;

/** The prefix of a panel's port name to the background, followed by the inspected tab's id (extension/shared/hops.ts). */
export const panelPortPrefix = 'streamscope:panel:';

/**
 * "Preserve log" as the background holds it — what decides whether a navigation clears the list —
 * read from the first message (`hello`) on a port of its own: the checkbox turns at the click, the
 * background a message later.
 */
const backgroundPreserveLog = `new Promise((resolve) => {
  const port = chrome.runtime.connect({ name: ${JSON.stringify(panelPortPrefix)} + chrome.devtools.inspectedWindow.tabId });
  port.onMessage.addListener((message) => {
    if (message.kind !== 'hello') return;
    port.disconnect();
    resolve(message.preserveLog);
  });
})`;

const readLayout = `(() => {
  const shown = (element) => { const box = element?.getBoundingClientRect(); return Boolean(box && box.width > 0 && box.height > 0 && box.left < innerWidth && box.right > 0); };
  const row = document.querySelector('[data-testid=stream-row]');
  const header = document.querySelector('[data-testid=detail-header]');
  const cut = header?.querySelector('.cut');
  const view = document.querySelector('[data-testid=stream-detail] ' + ${JSON.stringify(Object.values(viewTestIds).map((id) => `[data-testid=${id}]`).join(', '))});
  return {
    width: innerWidth,
    listWidth: document.querySelector('.stream-list')?.getBoundingClientRect().width ?? 0,
    listColumns: row ? [...row.children].filter(shown).map((column) => column.className) : [],
    headerHeight: header ? header.getBoundingClientRect().height : null,
    headerCut: cut ? cut.scrollWidth > cut.clientWidth : null,
    viewVisible: shown(view),
  };
})()`;

/** Where the panel's frame lies in DevTools' window: the front end nests it in shadow roots. */
const readFrameOrigin = `(() => {
  const find = (root) => {
    for (const frame of root.querySelectorAll('iframe')) if (frame.src.includes('/extension/panel/panel.html')) return frame;
    for (const host of root.querySelectorAll('*')) {
      const found = host.shadowRoot && find(host.shadowRoot);
      if (found) return found;
    }
    return null;
  };
  const frame = find(document);
  if (!frame) return null;
  const box = frame.getBoundingClientRect();
  return { x: box.left + frame.clientLeft, y: box.top + frame.clientTop };
})()`;

const readSplitter = `(() => {
  const box = document.querySelector('[data-testid=splitter]')?.getBoundingClientRect();
  return box && box.height > 0 ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
})()`;

type Point = { x: number; y: number };

/** Clicks the tab of `view` unless it is selected; true once it is and its content is there. */
const showView = (view: PanelView) => `(() => {
  const tab = document.querySelectorAll('[data-testid=stream-detail] [role=tab]')[${panelViews.indexOf(view)}];
  if (!tab) return false;
  if (tab.getAttribute('aria-selected') !== 'true') tab.click();
  return tab.getAttribute('aria-selected') === 'true' && document.querySelector('[data-testid=stream-detail] [data-testid=${viewTestIds[view]}]') !== null;
})()`;

export type Panel = {
  /** Script evaluated in the panel's page. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` in the panel until `accept` takes its value (hidden frames may not paint: never wait for a frame). */
  waitFor<T>(expression: string, what: string, accept?: (value: T) => boolean): Promise<T>;
  rows(): Promise<PanelRow[]>;
  /** Waits until the stream list satisfies `accept`; returns it. */
  waitForRows(what: string, accept: (rows: PanelRow[]) => boolean): Promise<PanelRow[]>;
  /** Selects the first stream whose row text contains `text`. */
  select(text: string): Promise<void>;
  /** Shows a detail view (as its tab's click does) and waits until it is shown. */
  show(view: PanelView): Promise<void>;
  /** Waits until the selected stream's detail satisfies `accept`; returns it. */
  waitForDetail(what: string, accept: (detail: PanelDetail) => boolean): Promise<PanelDetail>;
  /** Waits until the rows of the Events view in sight (it must be shown) satisfy `accept`; returns them, in order. */
  waitForEvents(what: string, accept: (events: PanelEvent[]) => boolean): Promise<PanelEvent[]>;
  /** The detail's tabs as laid out. */
  tabs(): Promise<PanelTab[]>;
  layout(): Promise<PanelLayout>;
  /** Drags the split between the list and the detail `dx` px to the right, with real mouse input to DevTools' window. */
  dragSplit(dx: number): Promise<void>;
  /** Clicks the toolbar's "Preserve log" to `on`; resolves once the background holds it (the next navigation obeys it). */
  setPreserveLog(on: boolean): Promise<void>;
  /** Clicks an export or copy action of the selected stream (a file is saved through the browser's downloads). */
  exportAs(what: PanelExport): Promise<void>;
  /** Sets the export bar's "include secrets" to `on`. */
  setIncludeSecrets(on: boolean): Promise<void>;
  /** Imports files as a drop on the panel does, or as the import button's file picker hands them over. */
  importFiles(files: PanelImportFile[], via: 'drop' | 'picker'): Promise<void>;
  /** What the last import could not take, one line per file. */
  importProblems(): Promise<string[]>;
  /** Types `query` into the Events view's search (it must be shown). */
  searchEvents(query: string): Promise<void>;
};

/** Files as the page's own `File`s, in a `DataTransfer` (what a drop carries and a picker fills in). */
const transferOf = (files: PanelImportFile[]) => `(() => {
  const transfer = new DataTransfer();
  for (const { name, base64 } of ${JSON.stringify(files)}) transfer.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], name));
  return transfer;
})()`;

/** `targetId` is the panel's frame, `frontEnd` the DevTools window that holds it. */
export function panelView(targets: DevtoolsTargets, targetId: string, frontEnd: string): Panel {
  const evaluate = <T>(expression: string) => targets.evaluate<T>(targetId, expression);
  const waitFor = <T>(expression: string, what: string, accept?: (value: T) => boolean) => targets.waitFor<T>(targetId, expression, what, accept);
  const mouse = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', at: Point, pressed: boolean) =>
    targets.send(frontEnd, 'Input.dispatchMouseEvent', { type, x: at.x, y: at.y, button: pressed || type !== 'mouseMoved' ? 'left' : 'none', buttons: pressed ? 1 : 0, clickCount: 1 });
  return {
    evaluate,
    waitFor,
    rows: () => evaluate<PanelRow[]>(readRows),
    waitForRows: (what, accept) => waitFor<PanelRow[]>(readRows, what, (rows) => Array.isArray(rows) && accept(rows)),
    async select(text) {
      await waitFor<boolean>(
        `(() => { const row = [...document.querySelectorAll('[data-testid=stream-row]')].find((row) => row.textContent.includes(${JSON.stringify(text)})); row?.click(); return Boolean(row); })()`,
        `a stream row with "${text}"`,
      );
    },
    async show(view) {
      await waitFor<boolean>(showView(view), `the ${view} view shown`, (shown) => shown === true);
    },
    waitForDetail: (what, accept) => waitFor<PanelDetail | null>(readDetail, what, (detail) => detail !== null && typeof detail === 'object' && accept(detail)) as Promise<PanelDetail>,
    waitForEvents: (what, accept) => waitFor<PanelEvent[]>(readEvents, what, (events) => Array.isArray(events) && accept(events)),
    tabs: () => evaluate<PanelTab[]>(readTabs),
    layout: () => evaluate<PanelLayout>(readLayout),
    async dragSplit(dx) {
      const origin = await targets.waitFor<Point | null>(frontEnd, readFrameOrigin, 'the panel frame in DevTools', (point) => point !== null);
      const handle = await waitFor<Point | null>(readSplitter, 'the splitter', (point) => point !== null);
      const at = (offset: number): Point => ({ x: origin!.x + handle!.x + offset, y: origin!.y + handle!.y });
      await mouse('mouseMoved', at(0), false);
      await mouse('mousePressed', at(0), true);
      for (const step of [1, 2, 3, 4]) await mouse('mouseMoved', at((dx * step) / 4), true);
      await mouse('mouseReleased', at(dx), false);
    },
    async setPreserveLog(on) {
      await waitFor<boolean>(
        `(() => { const box = [...document.querySelectorAll('input[type=checkbox]')].find((input) => input.closest('label')?.textContent.includes('Preserve log')); if (!box) return false; if (box.checked !== ${on}) box.click(); return box.checked === ${on}; })()`,
        `"Preserve log" ${on ? 'on' : 'off'}`,
      );
      await waitFor<boolean>(backgroundPreserveLog, `the background to keep "Preserve log" ${on ? 'on' : 'off'}`, (value) => value === on);
    },
    async exportAs(what) {
      const testId = `export-${what.replace(/ /g, '-')}`;
      await waitFor<boolean>(`(() => { const button = document.querySelector('[data-testid=${JSON.stringify(testId)}]'); button?.click(); return Boolean(button); })()`, `the "${what}" export`);
    },
    async setIncludeSecrets(on) {
      await waitFor<boolean>(
        `(() => { const box = document.querySelector('[data-testid=export-reveal]'); if (!box) return false; if (box.checked !== ${on}) box.click(); return box.checked === ${on}; })()`,
        `"include secrets" ${on ? 'on' : 'off'}`,
      );
    },
    async importFiles(files, via) {
      const hand =
        via === 'drop'
          ? `document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }))`
          : `(() => { const input = document.querySelector('[data-testid=import-input]'); input.files = transfer.files; input.dispatchEvent(new Event('change', { bubbles: true })); })()`;
      // once the panel's import is there (it takes drops from then on)
      await waitFor<boolean>(`(() => { if (!document.querySelector('[data-testid=import-input]')) return false; const transfer = ${transferOf(files)}; ${hand}; return true; })()`, 'the panel\'s import');
    },
    importProblems: () => evaluate<string[]>(`[...document.querySelectorAll('[data-testid=import-problem]')].map((problem) => problem.textContent)`),
    async searchEvents(query) {
      await waitFor<boolean>(
        `(() => { const input = document.getElementById('event-filter'); if (!input) return false; input.value = ${JSON.stringify(query)}; input.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`,
        'the events search box',
      );
    },
  };
}
