/** Small numeric helpers for benchmark reports. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** 1234567 → "1.23M", 180400 → "180k", 950 → "950" (three significant digits). */
export function formatRate(perSecond: number): string {
  const scaled = (value: number, unit: string): string => `${Number(value.toPrecision(3))}${unit}`;
  if (perSecond >= 1e6) return scaled(perSecond / 1e6, 'M');
  if (perSecond >= 1e3) return scaled(perSecond / 1e3, 'k');
  return Math.round(perSecond).toString();
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toPrecision(2)}x`;
}

/** One line comparing two rates against a minimum ratio, e.g. `… → 6.8x (target ≥ 6x) ✓`. */
export function ratioLine(label: string, ours: number, baselineName: string, baseline: number, target: number): { line: string; met: boolean } {
  const ratio = ours / baseline;
  const met = ratio >= target;
  const shortfall = met ? '' : ` — ${((target / ratio - 1) * 100).toFixed(1)}% too slow (needs ${formatRate(baseline * target)} ev/s)`;
  return {
    line: `${label}: ours ${formatRate(ours)} ev/s, ${baselineName} ${formatRate(baseline)} ev/s → ${formatRatio(ratio)} (target ≥ ${target}x) ${met ? '✓' : '✗'}${shortfall}`,
    met,
  };
}
