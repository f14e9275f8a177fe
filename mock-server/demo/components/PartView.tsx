import type { UIMessage } from 'ai';

type Part = UIMessage['parts'][number];

const json = (value: unknown): string => JSON.stringify(value) ?? "undefined";

/** The user's answer to a tool's approval request (`approval.id`). */
export type AnswerApproval = (approvalId: string, approved: boolean) => void;

/** One message part, rendered as it streams (its `state` shown beside it). */
export function PartView({ part, onApproval }: { part: Part; onApproval: AnswerApproval }) {
  if (part.type === 'text') {
    return (
      <div class="part text" data-testid="part-text">
        {part.text}
        <span class="state">{part.state}</span>
      </div>
    );
  }
  if (part.type === 'reasoning') {
    return (
      <div class="part reasoning" data-testid="part-reasoning">
        {part.text}
        <span class="state">{part.state}</span>
      </div>
    );
  }
  if (part.type === 'step-start') return <div class="part step" />;
  if (part.type === 'dynamic-tool' || part.type.startsWith('tool-')) {
    const tool = part as Extract<Part, { toolCallId: string }>;
    const name = 'toolName' in tool ? String(tool.toolName) : part.type.slice('tool-'.length);
    return (
      <div class="part tool" data-testid="part-tool">
        tool {name} <span class="state">{tool.state}</span>
        {'input' in tool && tool.input !== undefined ? `\ninput: ${json(tool.input)}` : ''}
        {'output' in tool && tool.output !== undefined ? `\noutput: ${json(tool.output)}` : ''}
        {'errorText' in tool && tool.errorText ? `\nerror: ${tool.errorText}` : ''}
        {tool.state === 'approval-requested' && (
          <div class="approval">
            <button data-testid="approve" type="button" onClick={() => onApproval(tool.approval.id, true)}>
              Approve
            </button>
            <button data-testid="deny" type="button" onClick={() => onApproval(tool.approval.id, false)}>
              Deny
            </button>
          </div>
        )}
      </div>
    );
  }
  return <div class="part data">{`${part.type}: ${json(part)}`}</div>;
}
