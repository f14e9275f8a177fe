import type { UIMessage } from 'ai';
import { PartView, type AnswerApproval } from './PartView.js';

export function MessageView({ message, onApproval }: { message: UIMessage; onApproval: AnswerApproval }) {
  return (
    <div class={`message ${message.role}`} data-testid={`message-${message.role}`}>
      <div class="role">{message.role}</div>
      {message.parts.map((part, index) => (
        <PartView key={index} part={part} onApproval={onApproval} />
      ))}
    </div>
  );
}
