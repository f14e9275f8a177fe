/** The matches of a search in the rebuilt texts, each leading to the events whose deltas hold it. */
import { hitsListed, type EventSearch, type TextHit } from '../view-model/event-search.js';

function eventsOf(hit: TextHit): string {
  const first = hit.events[0];
  const last = hit.events.at(-1)!;
  return first === last ? `#${first}` : `#${first}–#${last}`;
}

export function TextHits({ search, onOpen }: { search: EventSearch; onOpen: (index: number) => void }) {
  return (
    <div class="text-hits" data-testid="text-hits">
      <span class="muted">
        {search.hitCount} in the rebuilt text{search.hitCount > hitsListed ? ` (first ${hitsListed})` : ''}:
      </span>
      {search.hits.map((hit, position) => (
        <button
          type="button"
          key={position}
          class="text-hit"
          data-testid="text-hit"
          title={`In ${hit.part}, from the deltas of event${hit.events.length === 1 ? '' : 's'} ${hit.events.map((index) => `#${index}`).join(', ')}: show the first`}
          onClick={() => onOpen(hit.events[0])}
        >
          <span class="muted">…{hit.before}</span>
          <mark>{hit.match}</mark>
          <span class="muted">{hit.after}…</span> <span class="text-hit-events">{eventsOf(hit)}</span>
        </button>
      ))}
    </div>
  );
}
