/** The playing sessions: by chat id for resume and stop, plus anonymous ones (EventSource, no id). */
import type { Scenario } from '../../protocol/scenarios/schema.js';
import type { Holds } from './holds.js';
import { mainScript, type Script } from './pick-scenario.js';
import { createSession, type Session } from './session.js';
import type { MockStats, Timers } from './stats.js';

export type SessionTable = ReturnType<typeof createSessionTable>;

export type SessionTableOptions = { stats: MockStats; timers: Timers; holds: Holds; resumeWindowMs: number; log: (line: string) => void };

export function createSessionTable({ stats, timers, holds, resumeWindowMs, log }: SessionTableOptions) {
  const byChat = new Map<string, Session>();
  const all = new Set<Session>();

  /** Plays `script` (by default the scenario's own steps) for a chat, or for an anonymous reader. */
  function start(scenario: Scenario, chatId?: string, script: Script = mainScript(scenario)): Session {
    if (chatId !== undefined) byChat.get(chatId)?.cancel();
    const session: Session = createSession({
      scenario,
      script,
      resumable: chatId !== undefined,
      resumeWindowMs,
      stats,
      timers,
      holds,
      log,
      onEnd() {
        all.delete(session);
        if (chatId !== undefined && byChat.get(chatId) === session) byChat.delete(chatId);
      },
    });
    all.add(session);
    if (chatId !== undefined) byChat.set(chatId, session);
    return session;
  }

  return {
    start,
    /** The active session of a chat, if its stream is still playing. */
    active: (chatId: string): Session | undefined => byChat.get(chatId),
    /** Ends every session (server shutdown, `resetHandlers`). */
    closeAll(): void {
      for (const session of [...all]) session.cancel();
    },
  };
}
