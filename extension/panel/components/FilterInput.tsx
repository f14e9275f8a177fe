import type { Signal } from '@preact/signals';

/** A search box bound to a filter signal (the stream list's and the events list's). */
export function FilterInput({ id, placeholder, value }: { id: string; placeholder: string; value: Signal<string> }) {
  return (
    <input
      id={id}
      class="filter-input"
      type="search"
      placeholder={placeholder}
      value={value.value}
      onInput={(event) => (value.value = event.currentTarget.value)}
    />
  );
}
