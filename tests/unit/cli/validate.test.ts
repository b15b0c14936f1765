import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('spanlight validate', () => {
  it('prints every problem as file:line: severity: problem and exits 1', async () => {
    const res = await run(['validate', 'bad.jsonl', '--labels', 'ACTOR,LOCATION,COUNT,WEAPON']);
    expect(res.code).toBe(1);
    const out = res.stdout;
    expect(out).toMatch(/^bad\.jsonl:3: error: invalid JSON/m);
    expect(out).toMatch(/^bad\.jsonl:5: error: span #1 \(LOCATION 0-40\) is outside the text \(length 5 code points\)/m);
    expect(out).toMatch(/^bad\.jsonl:6: error: span #1 \(LOCATION 0-4\): its text "Kyiv" does not match "Lviv"/m);
    expect(out).toMatch(/^bad\.jsonl:7: error: span NUMBER 0-5: label "NUMBER" is not in the schema \(ACTOR, LOCATION, COUNT, WEAPON\)/m);
    expect(out).toMatch(/^bad\.jsonl:8: warning: empty line skipped/m);
    expect(out).toMatch(/^bad\.jsonl:9: error: the line is a list, not a JSON object/m);
    expect(out).toMatch(/^bad\.jsonl:10: warning: spans ACTOR 0-14 and ACTOR 8-14 overlap/m);
    expect(out).toMatch(/^bad\.jsonl:11: error: truncated last line/m);
    expect(out.split('\n').filter((l) => l.startsWith('bad.jsonl:1:') || l.startsWith('bad.jsonl:2:') || l.startsWith('bad.jsonl:4:'))).toEqual([]);
    expect(res.stderr).toContain('6 errors, 2 warnings');
  });

  it('reads allowed labels from a schema file, and without one does not check labels', async () => {
    expect((await run(['validate', 'bad.jsonl', '--schema', 'labels.json'])).stdout).toContain('"NUMBER" is not in the schema');
    expect((await run(['validate', 'bad.jsonl'])).stdout).not.toContain('NUMBER');
    expect((await run(['validate', 'bad.jsonl', '--schema', 'nope.json'])).code).toBe(2);
    expect((await run(['validate', 'bad.jsonl', '--schema', 'labels.json', '--labels', 'A'])).code).toBe(2);
  });

  it('exits 0 on a clean file (overlap warnings alone do not fail)', async () => {
    const res = await run(['validate', 'emoji.jsonl', '--schema', 'labels.json']);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('2 records, 8 spans; 0 errors, 0 warnings');
  });
});
