/**
 * The selected stream's decode report, asked of the decode worker whenever the stream changed:
 * one request at a time, the last answer shown meanwhile (so a live stream's message never blinks).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DecodeReport } from '../../../protocol/index.js';
import type { StreamEntry } from '../state/stream-entry.js';

export function useReport(entry: StreamEntry): DecodeReport | null {
  const revision = entry.revision.value;
  const [report, setReport] = useState<{ id: string; report: DecodeReport | null } | null>(null);
  const asking = useRef(false);
  const stale = useRef(false);
  /** The newest effect's `ask`: an answer that comes after the stream or its revision changed asks again for the new one. */
  const askLatest = useRef<() => void>(() => {});

  useEffect(() => {
    let active = true;
    function ask(): void {
      if (asking.current) {
        stale.current = true;
        return;
      }
      asking.current = true;
      void entry.report().then((next) => {
        asking.current = false;
        if (active) setReport({ id: entry.id, report: next });
        if (stale.current) {
          stale.current = false;
          askLatest.current();
        }
      });
    }
    askLatest.current = ask;
    ask();
    return () => {
      active = false;
    };
  }, [entry, revision]);

  return report?.id === entry.id ? report.report : null;
}
