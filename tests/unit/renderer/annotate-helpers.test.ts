import { describe, expect, it } from 'vitest';
import { tokenAt } from '../../../renderer/annotate/token-at';
import { oddSpanWarning } from '../../../renderer/annotate/odd-spans';
import { SHORTCUTS, shortcutFor } from '../../../renderer/annotate/shortcuts';
import type { LabelDef } from '../../../core/model';

const slice = (text: string, r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('tokenAt', () => {
  const text = "l’armée a frappé Saint-Pétersbourg, 12 drones.";
  it('finds the core tokenizer’s token under the caret, splitting French elisions', () => {
    expect(slice(text, tokenAt(text, 3))).toBe('armée');
    expect(slice(text, tokenAt(text, 0))).toBe('l’');
    expect(slice(text, tokenAt(text, text.indexOf('Pétersbourg')))).toBe('Saint-Pétersbourg');
  });
  it('takes the token ending at the caret when a click lands after a word’s last letter', () => {
    expect(slice(text, tokenAt(text, text.indexOf(' a ')))).toBe('armée');
    expect(slice(text, tokenAt(text, text.length))).toBe('.');
  });
  it('finds nothing between two spaces', () => {
    expect(tokenAt('a  b', 2)).toBeNull();
  });
  it('uses the document’s own tokens when it brought them', () => {
    // A file that kept "l’armée" as one token.
    const tokens = [{ start: 0, end: 7 }, { start: 8, end: 9 }, { start: 10, end: 16 }];
    expect(slice(text, tokenAt(text, 3, tokens))).toBe('l’armée');
    expect(slice(text, tokenAt(text, 12, tokens))).toBe('frappé');
    expect(tokenAt(text, 20, tokens)).toBeNull();
  });
});

describe('oddSpanWarning', () => {
  it('warns about a span across a line break or of punctuation only, not about words', () => {
    expect(oddSpanWarning('Kiev\nOdessa', 0, 11)).toContain('line break');
    expect(oddSpanWarning('Kiev\r\nOdessa', 2, 8)).toContain('line break');
    expect(oddSpanWarning('Kiev, 12 drones', 4, 5)).toContain('punctuation only (“,”)');
    expect(oddSpanWarning('« Kiev »', 0, 1)).toContain('punctuation only');
    expect(oddSpanWarning('Kiev, 12 drones', 6, 8)).toBeNull();
    expect(oddSpanWarning('🇺🇦 Kiev', 0, 4)).toBeNull();
  });
});

describe('shortcut table', () => {
  const labels: LabelDef[] = [
    { name: 'ACTOR', key: '1', color: '#000', description: '' },
    { name: 'LOCATION', key: '2', color: '#000', description: '' },
  ];
  const press = (init: KeyboardEventInit) => shortcutFor({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, code: '', ...init } as KeyboardEvent, labels)?.action;
  it('maps key presses to the actions the views handle', () => {
    expect(press({ key: 'z', ctrlKey: true })).toBe('undo');
    expect(press({ key: 'Z', ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(press({ key: 'y', metaKey: true })).toBe('redo');
    expect(press({ key: 'Enter', ctrlKey: true })).toBe('markDone');
    expect(press({ key: 'Enter' })).toBe('tagWithMode');
    expect(press({ key: '2' })).toBe('tag');
    expect(press({ key: '2', altKey: true })).toBe('tagExact');
    // AZERTY: the "2" key types "é" without Shift; its code still says Digit2.
    expect(press({ key: 'é', code: 'Digit2' })).toBe('tag');
    expect(press({ key: '2', ctrlKey: true })).toBeUndefined();
    expect(press({ key: '?', shiftKey: true })).toBe('help');
    expect(press({ key: 'N', shiftKey: true })).toBe('next');
    expect(press({ key: 'ArrowRight', shiftKey: true, ctrlKey: true })).toBe('moveCaret');
    // Screens and the document's ends move the caret too (the text view pages through unrendered blocks).
    expect(press({ key: 'PageDown', shiftKey: true })).toBe('moveCaret');
    expect(press({ key: 'End', ctrlKey: true, shiftKey: true })).toBe('moveCaret');
    expect(press({ key: 'f', ctrlKey: true })).toBe('find');
    expect(press({ key: 'x' })).toBeUndefined();
  });
  it('says how to press every action, label keys from the project', () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) expect(s.keys(labels).length).toBeGreaterThan(0);
    expect(SHORTCUTS.find((s) => s.action === 'tag')!.keys(labels)).toEqual(['1', '2']);
  });
});
