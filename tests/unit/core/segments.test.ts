import { describe, expect, it } from 'vitest';
import { paragraphAt, splitParagraphs } from '../../../core/text/paragraphs';
import { paragraphSegments, spansByParagraph } from '../../../core/spans/segments';

describe('splitParagraphs', () => {
  it('splits at LF, CRLF and CR without losing offsets', () => {
    const text = 'Kiev\r\n\r\nOdessa\nLviv\rend';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['Kiev', '', 'Odessa', 'Lviv', 'end']);
    expect(paragraphAt(paragraphs, 0)).toBe(0);
    expect(paragraphAt(paragraphs, 8)).toBe(2);
    expect(paragraphAt(paragraphs, text.length)).toBe(4);
  });
});

describe('paragraphSegments', () => {
  const text = 'La Russie a lancé 539 drones';
  const [para] = splitParagraphs(text);
  it('cuts runs at every span boundary, outermost span first', () => {
    const spans = [
      { id: 'outer', start: 18, end: 28 },
      { id: 'count', start: 18, end: 21 },
    ];
    const segments = paragraphSegments(para!, spans);
    expect(segments.map((s) => [text.slice(s.start, s.end), s.spanIds])).toEqual([
      ['La Russie a lancé ', []],
      ['539', ['outer', 'count']],
      [' drones', ['outer']],
    ]);
  });
  it('paints a span that crosses a line break on both lines', () => {
    const t = 'ab\ncd';
    const paragraphs = splitParagraphs(t);
    const byPara = spansByParagraph(paragraphs, [{ id: 'x', start: 1, end: 4 }]);
    expect(byPara.map((list) => list.map((s) => s.id))).toEqual([['x'], ['x']]);
    expect(paragraphSegments(paragraphs[1]!, byPara[1]!).map((s) => [s.start, s.end, s.spanIds])).toEqual([
      [3, 4, ['x']],
      [4, 5, []],
    ]);
  });
});
