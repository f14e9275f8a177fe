import { describe, expect, it } from 'vitest';
import { axisTicks, tickLabel, tickStep } from './time-axis.js';

const labels = (spanMs: number, maxTicks: number) => axisTicks(spanMs, maxTicks).ticks.map((tick) => tick.label);

describe('time axis', () => {
  it('picks the smallest round step that fits the ticks', () => {
    expect(tickStep(1000, 5)).toBe(200);
    expect(tickStep(7000, 6)).toBe(2000);
    expect(tickStep(95_000, 6)).toBe(30_000);
    expect(tickStep(20 * 3_600_000, 4)).toBe(18_000_000);
  });

  it('labels in ms below a second, in seconds below two minutes, in minutes beyond', () => {
    expect(labels(850, 5)).toEqual(['0', '200 ms', '400 ms', '600 ms', '800 ms']);
    expect(labels(2600, 6)).toEqual(['0', '0.5 s', '1.0 s', '1.5 s', '2.0 s', '2.5 s']);
    expect(labels(7300, 6)).toEqual(['0', '2 s', '4 s', '6 s']);
    expect(labels(400_000, 4)).toEqual(['0', '2 min', '4 min', '6 min']);
    expect(tickLabel(90_000, 90_000, 180_000)).toBe('1 min 30 s');
  });

  it('gives the origin alone for an empty span, and never a tick past the span', () => {
    expect(axisTicks(0, 5)).toEqual({ step: 0, ticks: [{ ms: 0, label: '0' }] });
    expect(axisTicks(1000, 5).ticks.at(-1)).toEqual({ ms: 1000, label: '1.0 s' });
    expect(axisTicks(999, 5).ticks.at(-1)?.ms).toBe(800);
  });
});
