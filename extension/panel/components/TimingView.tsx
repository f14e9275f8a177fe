/**
 * How the stream arrived: time to first byte and first chunk (from the request sent, when the
 * capture saw it), duration, rate; a time axis with chunks and heartbeats in lanes of their own,
 * steps and stalls shaded; the stalls in words and the longest gaps. A stall or gap jumps to its
 * event in the Events view.
 */
import { useStore } from '../state/store.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { formatMs } from '../view-model/format.js';
import { axisTicks } from '../view-model/time-axis.js';
import { computeTiming, stallText, type Gap, type Timeline } from '../view-model/timing.js';
import { useElapsed } from './use-elapsed.js';
import { useClientSize } from './use-client-size.js';

/** Pixels a tick label needs: at most one label per this width. */
const tickSpacing = 60;
/** Stall texts shown above the chart; the rest are in the chart and the gaps table. */
const stallLines = 3;

function Stat({ label, value, title, warn = false, testId }: { label: string; value: string; title?: string; warn?: boolean; testId?: string }) {
  return (
    <div class={`stat${warn ? ' warn' : ''}`} title={title} data-testid={testId}>
      <div class="stat-value">{value}</div>
      <div class="stat-label">{label}</div>
    </div>
  );
}

/** The event a gap leads to: the one that ended it, or the last before it when nothing did. */
const gapEvent = (gap: Gap) => gap.beforeEvent ?? gap.afterEvent;

function EventLink({ index, onJump }: { index: number; onJump: (index: number) => void }) {
  return (
    <button type="button" class="link-button" data-testid="gap-jump" title={`Show event #${index} in the Events view`} onClick={() => onJump(index)}>
      #{index}
    </button>
  );
}

function TimelineChart({ timeline, live, onJump }: { timeline: Timeline; live: boolean; onJump: (index: number) => void }) {
  const [plot, width] = useClientSize<HTMLDivElement>('clientWidth', 400);
  const { spanMs, leadMs, slots } = timeline;
  const at = (ms: number) => `${spanMs > 0 ? Math.min(100, (ms / spanMs) * 100) : 0}%`;
  const wide = (fromMs: number, toMs: number) => ({ left: at(fromMs), width: at(Math.max(0, toMs - fromMs)) });
  const slot = (index: number) => ({ left: `${(index / slots) * 100}%`, width: `${100 / slots}%` });
  const { ticks } = axisTicks(spanMs, Math.max(2, Math.floor(width / tickSpacing)));
  const most = Math.max(1, ...timeline.chunks.map((bucket) => bucket.count));
  return (
    <div class="timeline" data-testid="timeline">
      <div class="timeline-plot" ref={plot}>
        {leadMs > 0 && <div class="tl-wait" style={wide(0, leadMs)} title={`Waiting for the response: ${formatMs(leadMs)} from the request sent to the response headers`} data-testid="timeline-wait" />}
        {timeline.steps.map((step) => (
          <div key={step.startEvent} class={`tl-step tl-step-${step.step % 2}`} style={wide(step.fromMs + leadMs, step.toMs + leadMs)} title={`Step ${step.step}: event #${step.startEvent} to ${step.endEvent === null ? 'the end (no finish-step)' : `#${step.endEvent}`}, ${formatMs(step.toMs - step.fromMs)}`} data-testid="timeline-step">
            <span class="tl-step-label">step {step.step}</span>
          </div>
        ))}
        {timeline.stalls.map((gap) => (
          <button
            type="button"
            key={gap.afterEvent}
            class="tl-stall"
            style={wide(gap.fromMs + leadMs, gap.fromMs + gap.ms + leadMs)}
            title={`${stallText(gap, live)}. Click to show event #${gapEvent(gap)}.`}
            aria-label={stallText(gap, live)}
            data-testid="timeline-stall"
            onClick={() => onJump(gapEvent(gap))}
          />
        ))}
        <div class="tl-lane tl-chunks" data-testid="timeline-chunks">
          {timeline.chunks.map((bucket) => (
            <span key={bucket.slot} class="tl-chunk" style={{ ...slot(bucket.slot), height: `${Math.max(12, (bucket.count / most) * 100)}%` }} title={`${bucket.count} data event${bucket.count === 1 ? '' : 's'} from #${bucket.firstEvent}`} />
          ))}
        </div>
        <div class="tl-lane tl-heartbeats" data-testid="timeline-heartbeats">
          {timeline.heartbeats.map((bucket) => (
            <span key={bucket.slot} class="tl-heartbeat" style={slot(bucket.slot)} title={`${bucket.count} heartbeat${bucket.count === 1 ? '' : 's'} or comment${bucket.count === 1 ? '' : 's'} from #${bucket.firstEvent}`} />
          ))}
        </div>
      </div>
      <div class="timeline-axis" data-testid="timeline-axis">
        {ticks.map((tick, position) => (
          <span key={tick.ms} class={`tl-tick${position === 0 ? ' first' : ''}${tick.ms / spanMs > 0.92 ? ' last' : ''}`} style={{ left: at(tick.ms) }} data-testid="timeline-tick">
            {tick.label}
          </span>
        ))}
      </div>
      <div class="timeline-legend" data-testid="timeline-legend">
        <span>
          <i class="key key-chunk" /> chunk
        </span>
        <span>
          <i class="key key-heartbeat" /> heartbeat / comment
        </span>
        <span>
          <i class="key key-step" /> step
        </span>
        <span>
          <i class="key key-stall" /> stall (click: its event)
        </span>
        {leadMs > 0 && (
          <span>
            <i class="key key-wait" /> waiting for the response
          </span>
        )}
      </div>
    </div>
  );
}

export function TimingView({ entry }: { entry: StreamEntry }) {
  const { settings, selection } = useStore();
  const { stallMs } = settings.current.value;
  entry.revision.value;
  const live = entry.status.value === 'live';
  const now = useElapsed(entry.meta.startedAt, live && entry.meta.transport !== 'network-log');
  const { requestStartedAt, startedAt } = entry.meta;
  const leadMs = requestStartedAt === undefined ? null : startedAt - requestStartedAt;
  const timing = computeTiming(entry.records, entry.summary, { stallMs, now, leadMs });
  if (!timing.known) {
    return (
      <div class="empty-state" data-testid="timing">
        <p>No timing for this stream.</p>
        {entry.meta.transport === 'network-log' && <p class="muted">It was read from the network log after it finished: no live timing.</p>}
      </div>
    );
  }
  const jump = (index: number) => selection.revealEvent(index);
  const longest = timing.gaps[0];
  const stalls = timing.timeline.stalls;
  const from = timing.fromRequest ? 'from the request sent' : 'from the response headers (the capture did not see the request sent)';
  return (
    <div class="timing-view" data-testid="timing">
      <div class="stats">
        <Stat label="first byte" value={formatMs(timing.firstByteMs)} title={timing.fromRequest ? 'Request sent → response headers' : 'The capture did not see when the request was sent'} testId="timing-first-byte" />
        <Stat label="first chunk" value={formatMs(timing.firstChunkMs)} title={`Time to the first chunk, ${from}`} testId="timing-first-chunk" />
        <Stat label={live ? 'elapsed' : 'duration'} value={formatMs(timing.durationMs)} title="Since the response headers" />
        <Stat label="events / s" value={timing.eventsPerSecond === null ? '—' : timing.eventsPerSecond.toFixed(1)} />
        <Stat label="longest gap" value={formatMs(longest?.ms)} warn={longest?.stall ?? false} />
      </div>
      {stalls.slice(-stallLines).map((gap) => (
        <p key={gap.afterEvent} class="stall-text">
          <span data-testid="stall-text">{stallText(gap, live)}</span> <EventLink index={gapEvent(gap)} onJump={jump} />
        </p>
      ))}
      {stalls.length > stallLines && <p class="muted">{stalls.length - stallLines} earlier stalls are shaded in the chart.</p>}
      <TimelineChart timeline={timing.timeline} live={live} onJump={jump} />
      <table class="gaps" data-testid="gaps">
        <thead>
          <tr>
            <th>gap</th>
            <th>after</th>
            <th>at</th>
            <th>until</th>
            <th title="heartbeats and other comments: they do not end a gap">comments</th>
          </tr>
        </thead>
        <tbody>
          {timing.gaps.map((gap) => (
            <tr key={`${gap.afterEvent}-${gap.beforeEvent}`} class={gap.stall ? 'stall' : ''} data-testid="gap-row">
              <td>
                {formatMs(gap.ms)}
                {gap.stall && <span class="tag sev-warning">stall</span>}
              </td>
              <td>
                <EventLink index={gap.afterEvent} onJump={jump} />
              </td>
              <td>{formatMs(gap.fromMs)}</td>
              <td>{gap.beforeEvent === null ? (live ? 'still waiting' : 'end') : <EventLink index={gap.beforeEvent} onJump={jump} />}</td>
              <td>{gap.heartbeats}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
