/** The draggable border between the stream list and the detail (arrow keys move it too). */
import type { TargetedKeyboardEvent, TargetedPointerEvent } from 'preact';
import { useStore } from '../state/store.js';
import { clampListWidth } from '../state/layout.js';

const keyStep = 24;

export function Splitter() {
  const { layout } = useStore();

  function panelWidth(element: Element): number {
    return element.parentElement?.clientWidth ?? window.innerWidth;
  }

  function listWidth(element: Element): number {
    return element.previousElementSibling?.getBoundingClientRect().width ?? 0;
  }

  function onPointerDown(event: TargetedPointerEvent<HTMLDivElement>): void {
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const left = handle.parentElement?.getBoundingClientRect().left ?? 0;
    const move = (next: PointerEvent) => layout.setListWidth(clampListWidth(next.clientX - left, panelWidth(handle)));
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const handle = event.currentTarget;
    const by = event.key === 'ArrowLeft' ? -keyStep : keyStep;
    layout.setListWidth(clampListWidth(listWidth(handle) + by, panelWidth(handle)));
  }

  return (
    <div
      class="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the stream list"
      tabIndex={0}
      data-testid="splitter"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
