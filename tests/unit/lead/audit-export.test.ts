/** The audit report as files: code point offsets, CSV quoting, and the same files in any order give the same report. */
import { describe, expect, it } from 'vitest';
import { auditAgreement } from '../../../core/agreement/index';
import type { AgreementInput } from '../../../core/agreement/types';
import { auditErrorsCsv, auditReportJson, auditScoresCsv, csvField } from '../../../renderer/lead/audit/audit-export';

// "🇺🇦" is two code points and four UTF-16 units: offsets after it differ by 2 between the units.
const text = '🇺🇦 Kiev, "Odessa", frappées par 12 drones';
const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
const input: AgreementInput = {
  documents: [{ id: 'd1', hash: 'h1', length: text.length, text, name: 'Kiev' }],
  sets: [
    { docId: 'd1', annotator: 'gold', status: 'done', spans: [{ id: 'g1', ...at('Kiev'), label: 'LOCATION' }, { id: 'g2', ...at('"Odessa"'), label: 'LOCATION' }, { id: 'g3', ...at('12'), label: 'COUNT' }] },
    { docId: 'd1', annotator: 'model:ner', status: 'todo', spans: [{ id: 'p1', ...at('Kiev'), label: 'ACTOR' }, { id: 'p2', ...at('12'), label: 'COUNT' }, { id: 'p3', ...at('drones'), label: 'WEAPON' }] },
  ],
};
const texts = new Map([['d1', text]]);
const titles = new Map([['d1', 'Kiev']]);

describe('audit export', () => {
  const report = auditAgreement(input, { gold: 'gold', pred: 'model:ner', labels: ['ACTOR', 'LOCATION', 'COUNT', 'WEAPON'] });

  it('writes JSON with code point offsets and each span’s text, as the CLI does', () => {
    const json = JSON.parse(auditReportJson(report, texts)) as { offsets: string; errors: { class: string; gold: { start: number; end: number; text: string } | null }[] };
    expect(json.offsets).toBe('codepoint');
    const wrong = json.errors.find((e) => e.class === 'wrong_label')!;
    expect(wrong.gold).toEqual({ start: 3, end: 7, label: 'LOCATION', text: 'Kiev' });
    expect([...text].slice(wrong.gold!.start, wrong.gold!.end).join('')).toBe('Kiev');
  });

  it('quotes CSV fields with commas, quotes or line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('"Odessa", port')).toBe('"""Odessa"", port"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('lists every error with code point offsets and the quoted context', () => {
    const rows = auditErrorsCsv(report, texts, titles).trimEnd().split('\r\n');
    expect(rows[0]).toBe('document,title,class,gold_start,gold_end,gold_label,gold_text,pred_start,pred_end,pred_label,pred_text,shared,context');
    expect(rows.slice(1)).toEqual([
      'd1,Kiev,wrong_label,3,7,LOCATION,Kiev,3,7,ACTOR,Kiev,,"🇺🇦 [Kiev], ""Odessa"", frappées par 12 drones"',
      'd1,Kiev,missed,9,17,LOCATION,"""Odessa""",,,,,,"🇺🇦 Kiev, [""Odessa""], frappées par 12 drones"',
      'd1,Kiev,spurious,,,,,35,41,WEAPON,drones,,"🇺🇦 Kiev, ""Odessa"", frappées par 12 [drones]"',
    ]);
  });

  it('puts per-label scores, micro and macro, then the class counts in the scores table', () => {
    const rows = auditScoresCsv(report).trimEnd().split('\r\n');
    expect(rows).toContain('COUNT,exact,1,1,1,1.0000,1.0000,1.0000');
    // No LOCATION prediction: precision undefined (empty), recall and F1 zero.
    expect(rows).toContain('LOCATION,exact,2,0,0,,0.0000,0.0000');
    expect(rows).toContain('"(all labels, micro)",exact,3,3,1,0.3333,0.3333,0.3333');
    // Macro: precision over the 3 labels with predictions (0 + 1 + 0) / 3, recall over the 2 with gold spans (0 + 1) / 2.
    expect(rows).toContain('(macro average),exact,,,,0.3333,0.5000,0.2500');
    expect(rows).toContain('class,count,ACTOR,LOCATION,COUNT,WEAPON');
    expect(rows).toContain('missed,1,0,1,0,0');
  });

  it('gives the same report whatever order the documents, sets and spans come in', () => {
    const shuffled: AgreementInput = { documents: [...input.documents], sets: [...input.sets].reverse().map((s) => ({ ...s, spans: [...s.spans].reverse() })) };
    const again = auditAgreement(shuffled, { gold: 'gold', pred: 'model:ner', labels: ['ACTOR', 'LOCATION', 'COUNT', 'WEAPON'] });
    expect(auditReportJson(again, texts)).toBe(auditReportJson(report, texts));
    expect(auditErrorsCsv(again, texts, titles)).toBe(auditErrorsCsv(report, texts, titles));
  });
});
