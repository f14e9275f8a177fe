import { ensureChromium } from './chromium.js';

export default function globalSetup(): void {
  process.env.CHROMIUM_PATH = ensureChromium();
}
