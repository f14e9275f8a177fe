/**
 * Which scenario a chat request asks for: header `x-streamscope-scenario`, else `?scenario=`,
 * else a last user message `/scenario NAME`, else none (the caller uses the default); and which of
 * its scripts answers it. The body comes from a client, so it is read with a schema and ignored
 * when it does not fit.
 */
import { z } from 'zod';
import type { UIMessage } from '../../protocol/schemas/report.js';
import type { Scenario, Step } from '../../protocol/scenarios/schema.js';

export const scenarioHeader = 'x-streamscope-scenario';

const chatBodySchema = z.looseObject({
  id: z.string().optional(),
  messages: z
    .array(
      z.looseObject({
        role: z.string(),
        parts: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
        content: z.string().optional(),
      }),
    )
    .optional(),
});
export type ChatBody = z.infer<typeof chatBodySchema>;

export function parseChatBody(value: unknown): ChatBody {
  const result = chatBodySchema.safeParse(value);
  return result.success ? result.data : {};
}

function lastUserText(body: ChatBody): string {
  const message = body.messages?.findLast((candidate) => candidate.role === 'user');
  if (!message) return '';
  return message.parts?.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('') ?? message.content ?? '';
}

export function pickScenarioName(request: Request, body: ChatBody): string | undefined {
  const fromHeader = request.headers.get(scenarioHeader);
  if (fromHeader) return fromHeader.trim();
  const fromQuery = new URL(request.url).searchParams.get('scenario');
  if (fromQuery) return fromQuery.trim();
  return /^\s*\/scenario\s+(\S+)/.exec(lastUserText(body))?.[1];
}

const isDeniedApproval = (part: UIMessage['parts'][number]): boolean =>
  part.state === 'approval-responded' && (part.approval as { approved?: unknown } | undefined)?.approved === false;

/** Steps to play, with their JSON path in the scenario (a step that cannot play is named by it). */
export type Script = { path: string; steps: Step[] };

export const mainScript = (scenario: Scenario): Script => ({ path: '$.steps', steps: scenario.steps });

/**
 * The steps that answer a request: the scenario's continuation when the chat posted ends with the
 * assistant's message (its `denied` steps when that message holds a denied approval), else its
 * own steps.
 */
export function scriptFor(scenario: Scenario, continued: UIMessage | undefined): Script {
  const continuation = continued && scenario.continuation;
  if (!continuation) return mainScript(scenario);
  return continuation.denied && continued.parts.some(isDeniedApproval)
    ? { path: '$.continuation.denied', steps: continuation.denied }
    : { path: '$.continuation.steps', steps: continuation.steps };
}
