/**
 * Colours derived from a label's colour that keep WCAG AA contrast (4.5:1 for normal text): the
 * highlight behind the document text, and the label chip shown in the text.
 */

/** An sRGB colour, channels 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** WCAG AA for normal-size text. */
export const AA_CONTRAST = 4.5;

/** Parses `#rgb` or `#rrggbb`; null for anything else. */
export function parseHex(color: string): Rgb | null {
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color.trim());
  if (short) return { r: parseInt(short[1]! + short[1]!, 16), g: parseInt(short[2]! + short[2]!, 16), b: parseInt(short[3]! + short[3]!, 16) };
  const long = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  return long ? { r: parseInt(long[1]!, 16), g: parseInt(long[2]!, 16), b: parseInt(long[3]!, 16) } : null;
}

/** `#rrggbb` of a colour. */
export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance. */
export function luminance({ r, g, b }: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` painted with opacity `alpha` over `under`. */
export function blend(top: Rgb, under: Rgb, alpha: number): Rgb {
  return { r: top.r * alpha + under.r * (1 - alpha), g: top.g * alpha + under.g * (1 - alpha), b: top.b * alpha + under.b * (1 - alpha) };
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const FALLBACK: Rgb = { r: 136, g: 136, b: 136 };

/**
 * The opacity of a label's highlight behind `text` on `page`: `preferred` when the text keeps AA
 * contrast over it, else the largest opacity that does (a dark label colour gets a lighter tint).
 */
export function highlightAlpha(labelColor: string, text: string, page = '#ffffff', preferred = 0.3): number {
  const color = parseHex(labelColor) ?? FALLBACK;
  const ink = parseHex(text) ?? BLACK;
  const paper = parseHex(page) ?? WHITE;
  for (let alpha = preferred; alpha > 0.05; alpha -= 0.02) {
    if (contrastRatio(ink, blend(color, paper, alpha)) >= AA_CONTRAST) return Math.round(alpha * 100) / 100;
  }
  return 0.06;
}

/** Background and text colour of a label chip: the label colour, darkened if needed, with black or white text at AA contrast. */
export function chipColors(labelColor: string): { background: string; text: string } {
  let background = parseHex(labelColor) ?? FALLBACK;
  for (let step = 0; step < 20; step++) {
    const onBlack = contrastRatio(background, BLACK);
    const onWhite = contrastRatio(background, WHITE);
    if (onBlack >= AA_CONTRAST || onWhite >= AA_CONTRAST) {
      return { background: toHex(background), text: onBlack >= onWhite ? '#000000' : '#ffffff' };
    }
    // A mid-tone reads with neither: darken it until white text does.
    background = blend(background, BLACK, 0.88);
  }
  return { background: toHex(background), text: '#ffffff' };
}
