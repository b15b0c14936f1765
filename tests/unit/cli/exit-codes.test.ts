import { describe, expect, it } from 'vitest';
import { run, runChild } from './helpers';

describe('exit codes', () => {
  it('child process: 0 on success, 1 on bad input, 2 on usage errors', async () => {
    const [ok, bad, usage] = await Promise.all([
      runChild(['convert', 'emoji.jsonl', '--to', 'doccano']),
      runChild(['validate', 'bad.jsonl']),
      runChild(['convert', 'emoji.jsonl', '--to', 'xml']),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('bad.jsonl:3: error:');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown format "xml"');
  }, 20_000);

  it('child process: --help exits 0 and lists the commands; per-command help too', async () => {
    const [top, conv] = await Promise.all([runChild(['--help']), runChild(['convert', '--help'])]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/convert \[options\] <input>/);
    expect(top.stdout).toMatch(/validate \[options\] <input>/);
    expect(conv.code).toBe(0);
    expect(conv.stdout).toContain('--skip-bad');
    expect(conv.stdout).toContain('--offsets <unit>');
  }, 20_000);

  it.each([
    [['convert', 'missing.jsonl', '--to', 'doccano'], 'no such file'],
    [['convert', 'emoji.jsonl'], "required option '--to <format>'"],
    [['convert', 'emoji.jsonl', '--to', 'doccano', '--offsets', 'bytes'], 'Allowed choices are codepoint, utf16'],
    [['convert', 'emoji.jsonl', '--to', 'doccano', '--from', 'xml'], 'unknown format "xml"'],
    [['convert', 'emoji.jsonl', '--to', 'doccano', '--bogus'], "unknown option '--bogus'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [[], 'Usage: spanlight'],
  ])('in-process: %j is a usage error (2)', async (args, message) => {
    const res = await run(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
  });
});
