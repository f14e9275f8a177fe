/**
 * Chromium's Local Network Access: a page on a public (or private) origin may not reach a
 * loopback server, and `route.continue` to the mock counts as such a request. Marking the mock's
 * own endpoint public lets it through without touching anything else; a single
 * `--disable-features=LocalNetworkAccessChecks` would also replace every feature Playwright
 * disables (Chromium keeps only the last `--disable-features`).
 */
export function localNetworkArgs(port: number): string[] {
  return [`--ip-address-space-overrides=127.0.0.1:${port}=public`];
}

/** Whether a console message is Chromium refusing a request to a more private address space. */
export function isLocalNetworkBlock(text: string): boolean {
  return /more-private address space/.test(text);
}

export function localNetworkProblem(pageUrl: string, mockUrl: string, port: number): string {
  return (
    `[streamscope] Chromium's Local Network Access blocked the page ${pageUrl} from reaching the mock server at ${mockUrl}. ` +
    "streamscope/playwright's `browser` is launched with the flag that allows it; where you launch Chromium yourself " +
    `(or replace \`launchOptions\` with test.use), add ${localNetworkArgs(port).join(' ')} to its args, or serve the page from localhost.`
  );
}
