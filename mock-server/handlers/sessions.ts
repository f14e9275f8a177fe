/** The playing sessions: by chat id for resume and stop, plus anonymous ones (EventSource, no id). */
import type { Scenario, Step } from '../scenarios/schema.js';
import type { Holds } from './holds.js';
import { createSession, type Session } from './session.js';
import type { MockStats, Timers } from './stats.js';

export type SessionTable = ReturnType<typeof createSessionTable>;

export function createSessionTable(stats: MockStats, timers: Timers, holds: Holds, resumeWindowMs: number) {
  const byChat = new Map<string, Session>();
  const all = new Set<Session>();

  /** Plays `steps` (by default the scenario's own) for a chat, or for an anonymous reader. */
  function start(scenario: Scenario, chatId?: string, steps: Step[] = scenario.steps): Session {
    if (chatId !== undefined) byChat.get(chatId)?.cancel();
    const session: Session = createSession({
      scenario,
      steps,
      resumable: chatId !== undefined,
      resumeWindowMs,
      stats,
      timers,
      holds,
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
