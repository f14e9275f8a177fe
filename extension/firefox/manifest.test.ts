import { describe, expect, it } from 'vitest';
import { geckoId, toFirefoxManifest } from './manifest.js';

const chrome = {
  manifest_version: 3,
  name: 'streamscope',
  version: '0.1.0',
  minimum_chrome_version: '120',
  incognito: 'split',
  devtools_page: 'extension/devtools/devtools.html',
  background: { service_worker: 'background.js', type: 'module' },
  content_scripts: [{ matches: ['<all_urls>'], js: ['hook.js'], world: 'MAIN', run_at: 'document_start', all_frames: true }],
  permissions: ['storage'],
};

describe('toFirefoxManifest', () => {
  it('turns the service worker into background scripts and adds the gecko settings', () => {
    const firefox = toFirefoxManifest(chrome);
    expect(firefox.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: geckoId, data_collection_permissions: { required: ['none'] } } });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.incognito).toBe('not_allowed');
  });

  it('keeps everything Firefox shares with Chrome, without touching the input', () => {
    const firefox = toFirefoxManifest(chrome);
    expect(firefox.content_scripts).toEqual(chrome.content_scripts);
    expect(firefox.devtools_page).toBe(chrome.devtools_page);
    expect(firefox.permissions).toEqual(['storage']);
    expect(chrome.background).toEqual({ service_worker: 'background.js', type: 'module' });
  });
});
