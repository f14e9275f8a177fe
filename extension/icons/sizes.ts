/** The extension's icon sizes (what the Chrome Web Store and Firefox ask for) and their files. */
export const iconSizes = [16, 32, 48, 128] as const;

export type IconSize = (typeof iconSizes)[number];

export function iconFile(size: IconSize): string {
  return `icon-${size}.png`;
}

/** The manifest's `icons`: each size → its path inside the built extension. */
export function manifestIcons(): Record<string, string> {
  return Object.fromEntries(iconSizes.map((size) => [String(size), `icons/${iconFile(size)}`]));
}
