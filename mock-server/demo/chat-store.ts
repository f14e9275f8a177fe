/**
 * The AI SDK's own chat logic (`AbstractChat`, what `useChat` wraps) with its state in Preact
 * signals, so the page re-renders as each chunk arrives.
 */
import { signal } from '@preact/signals';
import { AbstractChat, DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses, type ChatState, type ChatStatus, type UIMessage } from 'ai';

function createSignalState(): ChatState<UIMessage> {
  const messages = signal<UIMessage[]>([]);
  const status = signal<ChatStatus>('ready');
  const error = signal<Error | undefined>(undefined);
  return {
    get status() {
      return status.value;
    },
    set status(value) {
      status.value = value;
    },
    get error() {
      return error.value;
    },
    set error(value) {
      error.value = value;
    },
    get messages() {
      return messages.value;
    },
    set messages(value) {
      messages.value = value;
    },
    pushMessage: (message) => (messages.value = [...messages.value, message]),
    popMessage: () => (messages.value = messages.value.slice(0, -1)),
    replaceMessage: (index, message) => (messages.value = messages.value.map((current, at) => (at === index ? message : current))),
    snapshot: (value) => structuredClone(value),
  };
}

class SignalChat extends AbstractChat<UIMessage> {
  constructor(transport: DefaultChatTransport<UIMessage>) {
    // Once every approval asked for is answered, the chat sends again, continuing the message.
    super({ transport, state: createSignalState(), sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses });
  }
}

export type DemoChat = SignalChat;

/** A chat whose requests name the scenario chosen at send time (`x-streamscope-scenario`). */
export function createDemoChat(scenario: () => string): DemoChat {
  return new SignalChat(new DefaultChatTransport({ api: '/api/chat', headers: () => ({ 'x-streamscope-scenario': scenario() }) }));
}

/** Asks the server to stop the chat's stream; a backend that honours it ends with `abort`. */
export async function requestStop(chatId: string): Promise<boolean> {
  const response = await fetch(`/api/chat/${encodeURIComponent(chatId)}/stop`, { method: 'POST' });
  return response.ok;
}
