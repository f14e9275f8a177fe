/**
 * Renders icon.svg to the PNGs the manifest lists (16, 32, 48 and 128 px), with headless Chromium
 * so no image library is needed. Run once after changing the SVG (`npm run icons`) and commit the
 * PNGs: builds copy them, they do not render them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../../e2e/support/chromium.js';
import { iconSizes, iconFile } from './sizes.js';

const folder = fileURLToPath(new URL('./', import.meta.url));

const svg = await readFile(`${folder}icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: ensureChromium(), args: [...chromiumArgs] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of iconSizes) {
    await page.setViewportSize({ width: size, height: size });
    const image = `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`;
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>${image}`);
    await writeFile(`${folder}${iconFile(size)}`, await page.screenshot({ omitBackground: true }));
    console.log(`wrote extension/icons/${iconFile(size)}`);
  }
} finally {
  await browser.close();
}
