/**
 * What the streamscope panel shows, read from its frame inside DevTools. Every selector the panel
 * tests rely on is here, so a change to the panel's markup is made once.
 */
import type { DevtoolsTargets } from './devtools-targets.js';

export type PanelRow = { text: string; method: string; path: string; state: string; tag: string | null; events: number; findings: string };
export type PanelView = 'events' | 'findings' | 'message' | 'timing';
/** The selected stream as its detail views show it (each read from the view shown). */
export type PanelDetail = { header: string; events: number | null; findings: string[]; messageText: string; note: string | null };

const views: PanelView[] = ['events', 'findings', 'message', 'timing'];

const readRows = `[...document.querySelectorAll('[data-testid=stream-row]')].map((row) => ({
  text: row.textContent,
  method: row.querySelector('.col-method')?.textContent ?? '',
  path: row.querySelector('.col-path')?.textContent ?? '',
  state: row.dataset.state ?? '',
  tag: row.querySelector('.tag')?.textContent ?? null,
  events: Number(row.querySelector('.col-events')?.textContent ?? 'NaN'),
  findings: row.querySelector('.col-findings')?.textContent ?? '',
}))`;

const readDetail = `(() => {
  const detail = document.querySelector('[data-testid=stream-detail]');
  if (!detail) return null;
  const count = detail.querySelector('.tab-count');
  return {
    header: detail.querySelector('[data-testid=detail-header]')?.textContent ?? '',
    events: count ? Number(count.textContent) : null,
    findings: [...detail.querySelectorAll('[data-testid=finding] .finding-code')].map((code) => code.textContent),
    messageText: [...detail.querySelectorAll('[data-testid=message] [data-testid=part-text] .part-text')].map((text) => text.textContent).join(''),
    note: detail.querySelector('[data-testid=stream-note]')?.textContent ?? null,
  };
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
  /** Switches the detail to a view (its key, 1–4). */
  show(view: PanelView): Promise<void>;
  /** Waits until the selected stream's detail satisfies `accept`; returns it. */
  waitForDetail(what: string, accept: (detail: PanelDetail) => boolean): Promise<PanelDetail>;
  /** Clicks the toolbar's "Preserve log" to `on`. */
  setPreserveLog(on: boolean): Promise<void>;
};

export function panelView(targets: DevtoolsTargets, targetId: string): Panel {
  const evaluate = <T>(expression: string) => targets.evaluate<T>(targetId, expression);
  const waitFor = <T>(expression: string, what: string, accept?: (value: T) => boolean) => targets.waitFor<T>(targetId, expression, what, accept);
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
      await waitFor<boolean>(`(document.dispatchEvent(new KeyboardEvent('keydown', { key: '${views.indexOf(view) + 1}', bubbles: true })), true)`, `the ${view} view`);
    },
    waitForDetail: (what, accept) => waitFor<PanelDetail | null>(readDetail, what, (detail) => detail !== null && typeof detail === 'object' && accept(detail)) as Promise<PanelDetail>,
    async setPreserveLog(on) {
      await waitFor<boolean>(
        `(() => { const box = [...document.querySelectorAll('input[type=checkbox]')].find((input) => input.closest('label')?.textContent.includes('Preserve log')); if (!box) return false; if (box.checked !== ${on}) box.click(); return box.checked === ${on}; })()`,
        `"Preserve log" ${on ? 'on' : 'off'}`,
      );
    },
  };
}
