/**
 * The page hook: runs in the page's MAIN world at document_start in every frame, before any page
 * script (Chrome injects it once per document, so no guard that the page could see), and wraps the three ways a page can read an event stream. The `toString` mask goes
 * first so every wrapper after it reads as native code.
 */
import { installToStringMask } from './disguise.js';
import { installEventSourceHook } from './eventsource-hook.js';
import { installFetchHook } from './fetch-hook.js';
import { installXhrHook } from './xhr-hook.js';

installToStringMask();
installFetchHook();
installEventSourceHook();
installXhrHook();
