/**
 * Opens a runtime port through webextension-polyfill (`browser.*`, one code path for Chrome and
 * Firefox). A module of its own because the polyfill refuses to load outside an extension: the
 * logic modules take the opener as a parameter and stay testable in Node.
 */
import browser from 'webextension-polyfill';
import type { RuntimePort } from './wall/runtime-port.js';

export function openPort(name: string): RuntimePort {
  return browser.runtime.connect({ name }) as unknown as RuntimePort;
}
