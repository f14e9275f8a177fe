/** How the stream arrived: first chunk, duration, rate, arrival strip and the longest gaps. */
import { useStore } from '../state/store.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { formatMs } from '../view-model/format.js';
import { computeTiming } from '../view-model/timing.js';
import { useElapsed } from './use-elapsed.js';

function Stat({ label, value, warn = false }: { label: string; value: string; warn?: boolean }) {
  return (
    <div class={`stat${warn ? ' warn' : ''}`}>
      <div class="stat-value">{value}</div>
      <div class="stat-label">{label}</div>
    </div>
  );
}

function ArrivalStrip({ histogram }: { histogram: number[] }) {
  const max = Math.max(1, ...histogram);
  return (
    <div class="arrival-strip" title="events over time">
      {histogram.map((count, position) => (
        <span key={position} class={count === 0 ? 'bar empty' : 'bar'} style={{ height: `${Math.max(count ? 8 : 2, (count / max) * 100)}%` }} />
      ))}
    </div>
  );
}

export function TimingView({ entry }: { entry: StreamEntry }) {
  const { settings } = useStore();
  const { stallMs } = settings.current.value;
  entry.revision.value;
  const live = entry.status.value === 'live';
  const now = useElapsed(entry.meta.startedAt, live && entry.meta.transport !== 'network-log');
  const timing = computeTiming(entry.records, entry.summary, { stallMs, now });
  if (!timing.known) {
    return (
      <div class="empty-state" data-testid="timing">
        <p>No timing for this stream.</p>
        {entry.meta.transport === 'network-log' && <p class="muted">It was read from the network log after it finished: no live timing.</p>}
      </div>
    );
  }
  const longest = timing.gaps[0];
  return (
    <div class="timing-view" data-testid="timing">
      <div class="stats">
        <Stat label="first chunk" value={formatMs(timing.firstChunkMs)} />
        <Stat label={live ? 'elapsed' : 'duration'} value={formatMs(timing.durationMs)} />
        <Stat label="events / s" value={timing.eventsPerSecond === null ? '—' : timing.eventsPerSecond.toFixed(1)} />
        <Stat label="longest gap" value={formatMs(longest?.ms)} warn={longest?.stall ?? false} />
      </div>
      <ArrivalStrip histogram={timing.histogram} />
      <table class="gaps">
        <thead>
          <tr>
            <th>gap</th>
            <th>after event</th>
            <th>at</th>
            <th>until</th>
            <th>heartbeats</th>
          </tr>
        </thead>
        <tbody>
          {timing.gaps.map((gap) => (
            <tr key={`${gap.afterEvent}-${gap.beforeEvent}`} class={gap.stall ? 'stall' : ''}>
              <td>
                {formatMs(gap.ms)}
                {gap.stall && <span class="tag sev-warning">stall</span>}
              </td>
              <td>#{gap.afterEvent}</td>
              <td>{formatMs(gap.fromMs)}</td>
              <td>{gap.beforeEvent === null ? (live ? 'still waiting' : 'end') : `#${gap.beforeEvent}`}</td>
              <td>{gap.heartbeats}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
