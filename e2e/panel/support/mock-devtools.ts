/**
 * The mock server serving a test's own scenarios, and real DevTools with the streamscope panel
 * open on a page of that server (a loopback origin, so the page's chat requests reach it as a chat
 * app's would).
 */
import type { Page } from '@playwright/test';
import { startMockServer, type MockServer } from '../../../mock-server/index.js';
import { launchWithDevtools, type DevtoolsBrowser, type Panel } from './devtools.js';

export type MockDevtools = {
  server: MockServer;
  devtools: DevtoolsBrowser;
  page: Page;
  panel: Panel;
  /** Posts a chat answered by `scenario`, `prompt` its last user message; reads the reply without waiting for it. */
  chat(scenario: string, prompt: string, query?: string): Promise<void>;
  close(): Promise<void>;
};

/** `scenarios`: name → scenario object (validated by the server; it throws naming each bad path). */
export async function openMockDevtools(scenarios: Record<string, object>): Promise<MockDevtools> {
  const server = await startMockServer({ port: 0 });
  for (const [name, scenario] of Object.entries(scenarios)) server.addScenario({ name, ...scenario });
  const devtools = await launchWithDevtools();
  const page = devtools.context.pages()[0] ?? (await devtools.context.newPage());
  await page.goto(`${server.url}/api/scenarios`);
  const panel = await devtools.openPanel(page);
  return {
    server,
    devtools,
    page,
    panel,
    chat: (scenario, prompt, query = '') =>
      page.evaluate(
        ({ scenario, prompt, query }) => {
          void fetch(`/api/chat${query}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-streamscope-scenario': scenario },
            body: JSON.stringify({ id: scenario, messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: prompt }] }] }),
          }).then((response) => response.text());
        },
        { scenario, prompt, query },
      ),
    async close() {
      await devtools.close();
      await server.close();
    },
  };
}
