import type { UIMessage } from 'ai';
import { PartView } from './PartView.js';

export function MessageView({ message }: { message: UIMessage }) {
  return (
    <div class={`message ${message.role}`} data-testid={`message-${message.role}`}>
      <div class="role">{message.role}</div>
      {message.parts.map((part, index) => (
        <PartView key={index} part={part} />
      ))}
    </div>
  );
}
