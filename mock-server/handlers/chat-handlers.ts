/**
 * The endpoints of DESIGN.md "The mock server" as MSW handlers: plain data, no transport code.
 * The same array serves `setupServer`, `setupWorker` and the node:http adapter.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { uiMessageStreamHeaders } from '../../protocol/encoder.js';
import { continuedMessageOf } from '../../protocol/chat-request.js';
import { scenarioSummary, type Scenario } from '../../protocol/scenarios/schema.js';
import type { MockContext } from './context.js';
import { parseChatBody, pickScenarioName, scenarioHeader, scriptFor } from './pick-scenario.js';
import type { Session } from './session.js';

function streamResponse(session: Session, scenario: Scenario): Response {
  return new HttpResponse(session.attach(), {
    status: scenario.status ?? 200,
    headers: { ...uiMessageStreamHeaders, ...scenario.headers, [scenarioHeader]: scenario.name },
  });
}

/** Waits out the scenario's `headersDelayMs` before its response (and its script) starts. */
function headersDelay(context: MockContext, scenario: Scenario): Promise<void> {
  const ms = scenario.headersDelayMs;
  return ms ? new Promise((resolve) => context.timers.set(resolve, ms)) : Promise.resolve();
}

function unknownScenario(context: MockContext, name: string): Response {
  const known = context.registry.list().map((entry) => entry.scenario.name);
  return HttpResponse.json({ error: `[streamscope] unknown scenario "${name}"; known: ${known.join(', ')}` }, { status: 404 });
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

export function createMockHandlers(context: MockContext): HttpHandler[] {
  const base = context.baseUrl;
  return [
    http.post(`${base}/api/chat`, async ({ request }) => {
      const json = await readJson(request);
      const body = parseChatBody(json);
      const name = pickScenarioName(request, body) ?? context.registry.defaultName;
      const scenario = context.registry.get(name);
      if (!scenario) return unknownScenario(context, name);
      await headersDelay(context, scenario);
      return streamResponse(context.sessions.start(scenario, body.id, scriptFor(scenario, continuedMessageOf(json))), scenario);
    }),
    http.get(`${base}/api/chat/:id/stream`, ({ params }) => {
      const session = context.sessions.active(String(params.id));
      if (!session) return new HttpResponse(null, { status: 204 });
      return streamResponse(session, session.scenario);
    }),
    http.post(`${base}/api/chat/:id/stop`, ({ params }) => {
      const stopped = context.sessions.active(String(params.id))?.stop() ?? false;
      return HttpResponse.json({ stopped }, { status: stopped ? 200 : 404 });
    }),
    http.get(`${base}/sse/:scenario`, async ({ params }) => {
      const scenario = context.registry.get(String(params.scenario));
      if (!scenario) return unknownScenario(context, String(params.scenario));
      await headersDelay(context, scenario);
      return streamResponse(context.sessions.start(scenario), scenario);
    }),
    http.get(`${base}/api/scenarios`, () =>
      HttpResponse.json(
        context.registry.list().map(({ scenario, source }) => ({ ...scenarioSummary(scenario), source })),
      ),
    ),
    http.get(`${base}/api/holds`, () => HttpResponse.json(context.holds.counts())),
    http.post(`${base}/api/holds/:name/release`, ({ params }) => {
      const released = context.holds.release(String(params.name));
      return HttpResponse.json({ released }, { status: released > 0 ? 200 : 404 });
    }),
  ];
}
