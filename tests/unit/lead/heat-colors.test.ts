/** The heat maps' colours: lighter to darker along the scale, and numbers on every shade readable (WCAG AA). */
import { describe, expect, it } from 'vitest';
import { contrast, heatColor, heatStyle, luminance } from '../../../renderer/lead/shared/heat-colors';

describe('heat colours', () => {
  it('gives every shade, from 0 to 1, a text colour with a contrast of at least 4.5:1', () => {
    for (let i = 0; i <= 200; i++) {
      const { background, color } = heatStyle(i / 200);
      expect(contrast(background, color), `${background} with ${color}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('darkens steadily, so a larger count always reads darker (a colour-blind reader sees lightness)', () => {
    let previous = Infinity;
    for (let i = 0; i <= 100; i++) {
      const l = luminance(heatColor(i / 100));
      expect(l).toBeLessThan(previous);
      previous = l;
    }
  });

  it('clamps values outside [0, 1] and treats a missing value as 0', () => {
    expect(heatColor(-0.4)).toBe(heatColor(0));
    expect(heatColor(3)).toBe(heatColor(1));
    expect(heatColor(Number.NaN)).toBe(heatColor(0));
    expect(heatColor(0)).toBe('#f7fbff');
    expect(heatColor(1)).toBe('#08306b');
  });

  it('computes WCAG contrast as published (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
