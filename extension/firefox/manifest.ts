/**
 * The Firefox manifest, derived from the Chrome one so the two never drift: everything is shared
 * except what Firefox spells differently or does not know.
 */

/** The add-on id Firefox needs for `storage` and other APIs in an MV3 extension. */
export const geckoId = 'streamscope@streamscope.dev';
/**
 * 128 brought `world: "MAIN"` content scripts; 140 brought `data_collection_permissions`, which
 * addons.mozilla.org now requires.
 */
export const geckoMinVersion = '140.0';
/** Firefox for Android got `data_collection_permissions` in 142. */
export const geckoAndroidMinVersion = '142.0';

type Json = Record<string, unknown>;

/** Chrome-only keys: Firefox warns about or rejects them. */
const chromeOnlyKeys = ['minimum_chrome_version', 'key', 'update_url', 'offline_enabled'] as const;

function firefoxBackground(background: unknown): Json | undefined {
  if (!background || typeof background !== 'object') return undefined;
  const { service_worker: worker, ...rest } = background as Json;
  // Firefox runs MV3 backgrounds as event pages: the same script, listed under `scripts`.
  return typeof worker === 'string' ? { ...rest, scripts: [worker] } : (background as Json);
}

export function toFirefoxManifest(chrome: Json): Json {
  const manifest: Json = { ...chrome };
  for (const key of chromeOnlyKeys) delete manifest[key];
  const background = firefoxBackground(chrome.background);
  if (background) manifest.background = background;
  // Firefox knows only `spanning` and `not_allowed`.
  if (manifest.incognito === 'split') manifest.incognito = 'not_allowed';
  manifest.browser_specific_settings = {
    gecko: {
      id: geckoId,
      strict_min_version: geckoMinVersion,
      // streamscope shows captured traffic in DevTools only; nothing leaves the browser.
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: geckoAndroidMinVersion },
  };
  return manifest;
}
