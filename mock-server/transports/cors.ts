/**
 * Which web pages may call the mock server. A developer's browser visits other sites while it
 * runs, so by default only loopback pages (and the server's own pages) may: any other origin is
 * refused outright, not just denied the response, so it cannot start, stop or release streams.
 * `cors` widens it to listed origins, or to any with `*`.
 */
export type CorsOrigins = readonly string[];

/** `127.0.0.0/8`, `::1` and `localhost` (with its subdomains, which browsers keep on loopback). */
function loopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The origins as given, checked: each `*` or an origin such as `https://app.example:3000`. Throws on anything else. */
export function corsOrigins(values: readonly string[]): CorsOrigins {
  for (const value of values) {
    if (value === '*') continue;
    let origin: string | undefined;
    try {
      origin = new URL(value).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== value.replace(/\/$/, '')) throw new Error(`[streamscope] CORS origin "${value}": expected "*" or an origin such as https://app.example:3000 (scheme, host and port only)`);
  }
  return values.map((value) => value.replace(/\/$/, ''));
}

/** Whether a request carrying `origin` (none: not a cross-origin browser request) may be served. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: CorsOrigins): boolean {
  if (origin === undefined) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return loopback(url.hostname) || url.host === host;
  } catch {
    // `null` (sandboxed frames, files) and anything unparsable.
    return false;
  }
}
