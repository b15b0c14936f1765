/**
 * The heat maps' colours: a sequential, colour-blind-safe scale (ColorBrewer "Blues", light to
 * dark, read by lightness alone) and, for every shade, the text colour (black or white) with the
 * higher contrast, which is always at least 4.5:1 (WCAG AA).
 */

/** ColorBrewer Blues, 9 classes. */
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((c) => Math.round(c!).toString(16).padStart(2, '0')).join('')}`;
}

/** The scale's colour at `t` in [0, 1] (clamped), as #rrggbb. */
export function heatColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (BLUES.length - 1);
  const i = Math.min(BLUES.length - 2, Math.floor(x));
  const f = x - i;
  const a = rgb(BLUES[i]!);
  const b = rgb(BLUES[i + 1]!);
  return toHex(a.map((c, k) => c + (b[k]! - c) * f));
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(x: string, y: string): number {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrast('#000000', background) >= contrast('#ffffff', background) ? '#000000' : '#ffffff';
}

/** Background and text colour of a cell at `t`. */
export function heatStyle(t: number): { background: string; color: string } {
  const background = heatColor(t);
  return { background, color: textOn(background) };
}

/** The legend's gradient (CSS), from 0 to 1. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${BLUES.join(', ')})`;
