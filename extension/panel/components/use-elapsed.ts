/** Milliseconds since `startedAt`, ticking once a second while `live` (null otherwise). */
import { useEffect, useState } from 'preact/hooks';

export function useElapsed(startedAt: number, live: boolean): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  return live ? Math.max(0, now - startedAt) : null;
}
