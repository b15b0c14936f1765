import { describe, expect, it } from 'vitest';
import { AA_CONTRAST, blend, chipColors, contrastRatio, highlightAlpha, parseHex } from '../../../core/labels/label-colors';
import labels from '../../../seeds/labels.json';

const ink = parseHex('#1b1f24')!;
const white = parseHex('#ffffff')!;

describe('label colours', () => {
  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio(parseHex('#000')!, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseHex('#777777')!, white)).toBeCloseTo(4.48, 2);
  });

  it('keeps the document text at AA contrast over every highlight, the seed colours and dark ones alike', () => {
    for (const color of [...labels.map((l) => l.color), '#000080', '#222222', '#ff0000', 'not a colour']) {
      const alpha = highlightAlpha(color, '#1b1f24');
      const behind = blend(parseHex(color) ?? parseHex('#888888')!, white, alpha);
      expect(contrastRatio(ink, behind)).toBeGreaterThanOrEqual(AA_CONTRAST);
    }
    expect(highlightAlpha('#56B4E9', '#1b1f24')).toBe(0.3);
  });

  it('gives every chip a text colour at AA contrast with its background', () => {
    for (const color of [...labels.map((l) => l.color), '#777777', '#808080', '#ffff00', '#000080']) {
      const chip = chipColors(color);
      expect(contrastRatio(parseHex(chip.background)!, parseHex(chip.text)!)).toBeGreaterThanOrEqual(AA_CONTRAST);
    }
    expect(chipColors('#E69F00')).toEqual({ background: '#e69f00', text: '#000000' });
  });
});
