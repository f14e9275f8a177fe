/** An element's width or height in CSS pixels, following resizes (a docked DevTools is dragged wider, narrower or taller). */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export function useClientSize<T extends HTMLElement>(dimension: 'clientWidth' | 'clientHeight', initial: number) {
  const element = useRef<T>(null);
  const [size, setSize] = useState(initial);
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(() => setSize(target[dimension]));
    observer.observe(target);
    setSize(target[dimension]);
    return () => observer.disconnect();
  }, [dimension]);
  return [element, size] as const;
}
