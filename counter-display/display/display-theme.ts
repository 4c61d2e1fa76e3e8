/**
 * A centre's branding from its display settings (`display.theme`: --luot-* custom properties),
 * applied on the page's root so every component and the page background pick it up. Pure over
 * a style-like object, so it is tested in node. The schema (protocol/display.schemas.ts) already
 * refused anything but --luot-* names and plain values.
 */
export interface StyleLike {
  setProperty(name: string, value: string): void;
  removeProperty(name: string): unknown;
}

/** Sets the theme's properties and removes those a previous theme set but this one lacks. */
export function applyTheme(style: StyleLike, theme: Readonly<Record<string, string>>, previous: Readonly<Record<string, string>>): Record<string, string> {
  for (const name of Object.keys(previous)) if (!(name in theme)) style.removeProperty(name);
  for (const [name, value] of Object.entries(theme)) {
    if (/^--luot-[a-z0-9-]+$/.test(name)) style.setProperty(name, value);
  }
  return { ...theme };
}
