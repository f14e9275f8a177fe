/**
 * Where things are in the rebuilt message's parts, so the reassembler finds a tool call or a data
 * part without scanning every part (which made decoding quadratic in tool calls). The client
 * only appends parts, or starts a new parts array: the index reads the parts appended since its
 * last lookup, and starts over for a new array.
 */
import type { UIMessagePart } from './schemas/report.js';

export type IndexedToolPart = { part: UIMessagePart & { toolCallId: string }; position: number };

export type PartIndex = {
  /** The tool parts (`tool-*`, `dynamic-tool`) with this `toolCallId`, in message order. */
  toolParts(parts: readonly UIMessagePart[], toolCallId: string): readonly IndexedToolPart[];
  /** The position of the current step's first part (after the last `step-start`). */
  stepStart(parts: readonly UIMessagePart[]): number;
  /** The first data part of this type and id, as the client's `parts.find` finds it. */
  dataPart(parts: readonly UIMessagePart[], type: string, id: string): UIMessagePart | undefined;
};

const none: readonly IndexedToolPart[] = Object.freeze([]);
const isToolType = (type: string): boolean => type.startsWith('tool-') || type === 'dynamic-tool';

export function createPartIndex(): PartIndex {
  let indexed: readonly UIMessagePart[] | null = null;
  let read = 0;
  let stepStart = 0;
  let tools = new Map<string, IndexedToolPart[]>();
  let data = new Map<string, UIMessagePart>();

  function catchUp(parts: readonly UIMessagePart[]): void {
    if (parts !== indexed) {
      indexed = parts;
      read = 0;
      stepStart = 0;
      tools = new Map();
      data = new Map();
    }
    for (; read < parts.length; read++) {
      const part = parts[read];
      if (part.type === 'step-start') stepStart = read + 1;
      else if (isToolType(part.type)) {
        const id = part.toolCallId as string;
        const list = tools.get(id);
        const entry = { part: part as IndexedToolPart['part'], position: read };
        if (list) list.push(entry);
        else tools.set(id, [entry]);
      } else if (part.type.startsWith('data-') && typeof part.id === 'string') {
        const key = `${part.type}\u0000${part.id}`;
        if (!data.has(key)) data.set(key, part);
      }
    }
  }

  return {
    toolParts(parts, toolCallId) {
      catchUp(parts);
      return tools.get(toolCallId) ?? none;
    },
    stepStart(parts) {
      catchUp(parts);
      return stepStart;
    },
    dataPart(parts, type, id) {
      catchUp(parts);
      return data.get(`${type}\u0000${id}`);
    },
  };
}
