/**
 * Tool parts of the rebuilt message, updated as the AI SDK client's `updateToolPart` /
 * `updateDynamicToolPart` do: found in the current step (or, for outputs, anywhere), changed in
 * place, or appended.
 */
import type { UIMessagePart } from './schemas/report.js';
import type { PartIndex } from './part-index.js';

export type ToolPart = UIMessagePart & { toolCallId: string; state: string; toolName?: string };

export type ToolUpdate = {
  toolCallId: string;
  toolName: string;
  state: string;
  input?: unknown;
  output?: unknown;
  errorText?: string;
  rawInput?: unknown;
  inputEncoding?: 'json' | 'text';
  providerExecuted?: boolean;
  providerMetadata?: unknown;
  preliminary?: boolean;
  title?: string;
  toolMetadata?: unknown;
};

export const isToolPart = (part: UIMessagePart): part is ToolPart => part.type.startsWith('tool-') || part.type === 'dynamic-tool';
const isStaticToolPart = (part: UIMessagePart): part is ToolPart => part.type.startsWith('tool-');
/** The tool's name: from the part type (`tool-<name>`), or the field of a `dynamic-tool` part. */
export const toolNameOf = (part: ToolPart): string => (part.type === 'dynamic-tool' ? (part.toolName ?? '') : part.type.slice('tool-'.length));
const isResultState = (state: string): boolean => state === 'output-available' || state === 'output-error';

/** The parts after the last `step-start`. */
export function currentStepParts(parts: UIMessagePart[]): UIMessagePart[] {
  let start = parts.length - 1;
  while (start >= 0 && parts[start].type !== 'step-start') start--;
  return parts.slice(start + 1);
}

/** The first tool part of `toolCallId` in the current step that `accept` takes. */
export function toolPartInStep(parts: UIMessagePart[], index: PartIndex, toolCallId: string, accept: (part: ToolPart) => boolean = () => true): ToolPart | undefined {
  const stepStart = index.stepStart(parts);
  for (const { part, position } of index.toolParts(parts, toolCallId)) {
    if (position >= stepStart && accept(part as ToolPart)) return part as ToolPart;
  }
  return undefined;
}

/** The tool part of `toolCallId`: in the current step first, else the latest anywhere. */
export function findToolInvocation(parts: UIMessagePart[], index: PartIndex, toolCallId: string): ToolPart | undefined {
  return toolPartInStep(parts, index, toolCallId) ?? (index.toolParts(parts, toolCallId).at(-1)?.part as ToolPart | undefined);
}

function providerMetadataField(update: ToolUpdate): Record<string, unknown> {
  if (update.providerMetadata == null) return {};
  return isResultState(update.state) ? { resultProviderMetadata: update.providerMetadata } : { callProviderMetadata: update.providerMetadata };
}

/** Updates the tool part in place, or appends a new one to `parts`; returns it. */
export function updateToolPart(parts: UIMessagePart[], index: PartIndex, update: ToolUpdate, dynamic: boolean, existing?: ToolPart): ToolPart {
  const part = existing ?? toolPartInStep(parts, index, update.toolCallId, dynamic ? (candidate) => candidate.type === 'dynamic-tool' : isStaticToolPart);
  if (part) {
    part.state = update.state;
    if (dynamic) part.toolName = update.toolName;
    else part.type = `tool-${update.toolName}`;
    part.input = update.input;
    part.output = update.output;
    part.errorText = update.errorText;
    part.rawInput = update.rawInput;
    if (update.inputEncoding != null) part.inputEncoding = update.inputEncoding;
    else delete part.inputEncoding;
    part.preliminary = update.preliminary;
    if (update.title !== undefined) part.title = update.title;
    if (update.toolMetadata !== undefined) part.toolMetadata = update.toolMetadata;
    part.providerExecuted = update.providerExecuted ?? part.providerExecuted;
    Object.assign(part, providerMetadataField(update));
    return part;
  }
  const common = {
    toolCallId: update.toolCallId,
    state: update.state,
    input: update.input,
    ...(update.inputEncoding != null ? { inputEncoding: update.inputEncoding } : {}),
    output: update.output,
    errorText: update.errorText,
    preliminary: update.preliminary,
    providerExecuted: update.providerExecuted,
    title: update.title,
    ...(update.toolMetadata !== undefined ? { toolMetadata: update.toolMetadata } : {}),
    ...providerMetadataField(update),
  };
  const added: ToolPart = dynamic
    ? { type: 'dynamic-tool', toolName: update.toolName, ...common }
    : { type: `tool-${update.toolName}`, rawInput: update.rawInput, ...common };
  parts.push(added);
  return added;
}
