/**
 * The reassembled message (`DecodeReport.message`) as view items: each part of `UIMessage.parts`
 * becomes one item with the fields worth showing.
 */
import { isToolPart, toolNameOf, type UIMessage, type UIMessagePart } from '../../../protocol/index.js';

export type PartItem =
  | { kind: 'step' }
  | { kind: 'text'; text: string; state: string | null }
  | { kind: 'reasoning'; text: string; state: string | null }
  | {
      kind: 'tool';
      toolName: string;
      toolCallId: string;
      state: string;
      input: unknown;
      output: unknown;
      errorText: string | null;
      dynamic: boolean;
    }
  | { kind: 'source'; title: string; href: string | null; sourceId: string }
  | { kind: 'file'; mediaType: string; url: string; filename: string | null }
  | { kind: 'data'; name: string; id: string | null; data: unknown }
  | { kind: 'other'; type: string; part: UIMessagePart };

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function partItem(part: UIMessagePart): PartItem {
  const type = part.type;
  if (type === 'step-start') return { kind: 'step' };
  if (type === 'text' || type === 'reasoning') return { kind: type, text: str(part.text) ?? '', state: str(part.state) };
  if (isToolPart(part)) {
    const dynamic = type === 'dynamic-tool';
    return {
      kind: 'tool',
      toolName: toolNameOf(part) || '?',
      toolCallId: str(part.toolCallId) ?? '',
      state: str(part.state) ?? '',
      input: part.input,
      output: part.output,
      errorText: str(part.errorText),
      dynamic,
    };
  }
  if (type === 'source-url' || type === 'source-document') {
    const href = str(part.url);
    return { kind: 'source', title: str(part.title) ?? href ?? str(part.filename) ?? '', href, sourceId: str(part.sourceId) ?? '' };
  }
  if (type === 'file') {
    return { kind: 'file', mediaType: str(part.mediaType) ?? '', url: str(part.url) ?? '', filename: str(part.filename) };
  }
  if (type.startsWith('data-')) return { kind: 'data', name: type.slice('data-'.length), id: str(part.id), data: part.data };
  return { kind: 'other', type, part };
}

export function messageItems(message: UIMessage): PartItem[] {
  return message.parts.map(partItem);
}

/** Steps number the parts the way the client groups them: a new step at each `step-start`. */
export function stepOf(items: readonly PartItem[]): number[] {
  let step = 0;
  return items.map((item) => (item.kind === 'step' ? ++step : step));
}
