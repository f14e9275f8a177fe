import { signal, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { createDemoChat, requestStop } from '../chat-store.js';
import { MessageView } from './MessageView.js';
import type { ScenarioSummary } from '../../../protocol/scenarios/schema.js';
import { ScenarioPicker } from './ScenarioPicker.js';

const initialScenario = new URLSearchParams(location.search).get('scenario') ?? 'plain-text';

export function App({ mockHost }: { mockHost: string }) {
  const scenarios = useSignal<ScenarioSummary[]>([]);
  const selected = useMemo(() => signal(initialScenario), []);
  const chat = useMemo(() => createDemoChat(() => selected.value), [selected]);
  const prompt = useSignal('Hello!');
  const note = useSignal('');

  useEffect(() => {
    fetch('/api/scenarios')
      .then((response) => response.json() as Promise<ScenarioSummary[]>)
      .then((list) => (scenarios.value = list))
      .catch((error: unknown) => (note.value = `Could not load the scenario list: ${String(error)}`));
  }, []);

  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  const send = (event: Event) => {
    event.preventDefault();
    note.value = '';
    void chat.sendMessage({ text: prompt.value });
  };
  // Answering continues the same assistant message: the chat posts again by itself.
  const answerApproval = (id: string, approved: boolean) => void chat.addToolApprovalResponse({ id, approved });
  const stop = async () => {
    note.value = (await requestStop(chat.id)) ? 'Stop requested: the server ends the stream.' : 'Nothing to stop on the server.';
  };

  return (
    <main>
      <header>
        <h1>streamscope demo chat</h1>
        <span class="scenario-info" data-testid="mock-host">
          mock: {mockHost}
        </span>
        <ScenarioPicker scenarios={scenarios.value} selected={selected} />
      </header>
      <div class="messages">
        {chat.messages.map((message) => (
          <MessageView key={message.id} message={message} onApproval={answerApproval} />
        ))}
      </div>
      {chat.error && (
        <div class="error" data-testid="chat-error">
          {chat.error.message}
        </div>
      )}
      <div class={`status ${chat.status}`} data-testid="chat-status">
        {chat.status}
        {note.value && ` — ${note.value}`}
      </div>
      <form onSubmit={send}>
        <input data-testid="prompt" value={prompt.value} onInput={(event) => (prompt.value = event.currentTarget.value)} />
        <button data-testid="send" type="submit" disabled={busy}>
          Send
        </button>
        <button data-testid="stop" type="button" disabled={!busy} onClick={stop} title="POST /api/chat/:id/stop">
          Stop
        </button>
        <button data-testid="abort" type="button" disabled={!busy} onClick={() => void chat.stop()} title="Abort the request in the browser">
          Abort
        </button>
      </form>
    </main>
  );
}
