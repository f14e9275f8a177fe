/** Ticks and labels for a time axis that starts at 0: round steps in ms, seconds or minutes. */

/** Steps a reader takes in at a glance (1-2-5 in ms and s; whole quarter and half minutes, minutes). */
const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];

/** The smallest round step that puts at most `maxTicks` intervals in `spanMs`. */
export function tickStep(spanMs: number, maxTicks: number): number {
  const wanted = spanMs / Math.max(1, maxTicks);
  return steps.find((step) => step >= wanted) ?? Math.ceil(wanted / 3_600_000) * 3_600_000;
}

export type Tick = { ms: number; label: string };

/**
 * `0`, `250 ms` … below a second; `0.5 s`, `1.5 s`, `30 s` … below two minutes; `2 min`,
 * `1 min 30 s` beyond. One unit per axis, chosen by its longest tick, so labels agree.
 */
export function tickLabel(ms: number, step: number, lastMs: number): string {
  if (ms === 0) return '0';
  if (lastMs < 1000) return `${ms} ms`;
  if (step < 60_000) {
    const decimals = step % 1000 === 0 ? 0 : step % 100 === 0 ? 1 : step % 10 === 0 ? 2 : 3;
    return `${(ms / 1000).toFixed(decimals)} s`;
  }
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** 0, step, 2·step, … up to `spanMs`, labelled (a span of 0 or less gets the origin alone). */
export function axisTicks(spanMs: number, maxTicks: number): { step: number; ticks: Tick[] } {
  if (!(spanMs > 0)) return { step: 0, ticks: [{ ms: 0, label: '0' }] };
  const step = tickStep(spanMs, maxTicks);
  const count = Math.floor(spanMs / step + 1e-9);
  const lastMs = count * step;
  return { step, ticks: Array.from({ length: count + 1 }, (_, index) => ({ ms: index * step, label: tickLabel(index * step, step, lastMs) })) };
}
