// `kpreemptpri/W 0t99`: an mdb write, as an engineer applies the #1532 fix on a live system, and
// its output `kpreemptpri:    0x64            =       0x63` (mdb_cmds.c write_uint32:
// `%-#*lla%16T%-#16x=%8T0x%x`). Both lines used to read as prose, and the snapshot kept the value
// an earlier /D showed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWriteLine } from '../../grammar/format/write.ts';
import { readPrompt } from '../../src/ingest/prompt.ts';
import { analyzeText } from '../../src/analyze.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const W = 'kpreemptpri:    0x64            =       0x63';
const lines = (...l: string[]) => l.join('\n') + '\n';
const modelNotes = (a: ReturnType<typeof analyzeText>) => a.notes.filter((n) => n.rule === 'model').map((n) => n.message);

describe('a write and what it prints', () => {
  it('reads ADDRESS: OLD = NEW at each width mdb prints, and nothing else', () => {
    expect(parseWriteLine(W)).toEqual({ label: 'kpreemptpri', old: '0x64', now: '0x63' });
    // /w: %-#8hx; a zero prints as 0 with the # flag.
    expect(parseWriteLine('kpreemptpri:    0       =       0x63')).toEqual({ label: 'kpreemptpri', old: '0', now: '0x63' });
    expect(parseWriteLine('0xffffff01dde41b90:     0xff9b0253              =       0x5')).toEqual({ label: '0xffffff01dde41b90', old: '0xff9b0253', now: '0x5' });
    for (const no of ['kpreemptpri:    100', 'kpreemptpri:    0x64 = 99', 'kpreemptpri 0x64 = 0x63', '0x64 = 0x63', 'kpreemptpri:    0x64 = 0x63 0x1']) expect(parseWriteLine(no), no).toBeNull();
  });

  it('is a command at the prompt, for each write verb with a number; other formats with arguments are not', () => {
    for (const c of ['kpreemptpri/W 0t99', 'kpreemptpri/w 63', 'kpreemptpri/v 0x63', 'fffffffffbc2f1c0/Z 0t99']) {
      const p = readPrompt(`> ${c}`);
      expect(p?.type === 'command' ? p.parsed.stages[0] : null, c).toMatchObject({ verb: 'format', args: [c.split(' ')[1]] });
    }
    // Not a write: a read format takes no argument, and a write takes numbers.
    expect(readPrompt('> kpreemptpri/D 5')).toBeNull();
    expect(readPrompt('> kpreemptpri/W ninety')).toBeNull();
  });

  it('sets the tunable to the value read back, with a note, every line read', () => {
    const a = analyzeText(lines('> kpreemptpri/D', 'kpreemptpri:', 'kpreemptpri:    100', '> kpreemptpri/W 0t99', W));
    expect(a.accounting).toEqual({ lines: 5, parsed: 5, prose: 0, unrecognized: 0 });
    expect([a.snapshot.tunables, a.snapshot.tunableLines]).toEqual([{ kpreemptpri: 99 }, { kpreemptpri: 5 }]);
    expect(modelNotes(a)).toEqual([
      'line 5: kpreemptpri was written here (100 before, 99 read back): the snapshot uses 99 from here on; output printed before line 5 shows the system as it ran with the old value',
    ]);
  });

  it('written after the CPUs were shown: the rules judge them with the old value, proven by the write itself', () => {
    const a = analyzeText(seed + '\n' + lines('> kpreemptpri/w 0t99', 'kpreemptpri:    0x64    =       0x63'));
    expect(a.snapshot.tunables['kpreemptpri']).toBe(100);
    expect(a.snapshot.tunableLines['kpreemptpri']).toBe(277);
    const kp = a.findings.find((f) => f.rule === 'kpreempt-threshold');
    // The seed alone only infers 100 (it shows no value); the write's old value proves it.
    expect([kp?.severity, kp?.confidence, kp?.title]).toEqual(['high', 'certain', 'kpreemptpri is 100, above maxclsyspri (99)']);
    expect(modelNotes(a)).toContain(
      'line 277: kpreemptpri was written here (100 before, 99 read back): the CPUs were shown before it (line 67), so the rules judge them with 100, the value they ran under',
    );
  });

  it('written twice after the CPUs were shown: they are judged with the value before the first write', () => {
    const a = analyzeText(seed + '\n' + lines('> kpreemptpri/W 0t99', W, '> kpreemptpri/W 0t98', 'kpreemptpri:    0x63            =       0x62'));
    expect([a.snapshot.tunables['kpreemptpri'], a.snapshot.tunableLines['kpreemptpri']]).toEqual([100, 277]);
    expect(modelNotes(a)).toEqual([
      'line 277: kpreemptpri was written here (100 before, 99 read back): the CPUs were shown before it (line 67), so the rules judge them with 100, the value they ran under',
      'line 279: kpreemptpri was written here (99 before, 98 read back): the CPUs were shown before the first write to it (line 277), and the rules judge them with the value before that one',
    ]);
  });

  it('written before the CPUs were shown: they ran with the new value', () => {
    const a = analyzeText(lines('> kpreemptpri/W 0t99', W) + seed);
    expect(a.snapshot.tunables['kpreemptpri']).toBe(99);
    expect(a.findings.map((f) => f.rule)).not.toContain('kpreempt-threshold');
  });

  it("a line that is not a write's output is unrecognized and says so; a narrower write is not used", () => {
    const a = analyzeText(lines('> kpreemptpri/W 0t99', 'kpreemptpri:    100'));
    expect(a.diagnostics.map((d) => [d.line, d.message])).toEqual([[2, "/W writes and prints 'ADDRESS: OLD = NEW' per value; this line is not that"]]);
    // only_intr_kpreempt is an int: /w writes 2 of its 4 bytes, and the other 2 are not shown.
    const b = analyzeText(lines('> only_intr_kpreempt/w 1', 'only_intr_kpreempt:     0       =       0x1'));
    expect(b.diagnostics.map((d) => [d.line, d.message])).toEqual([[2, 'only_intr_kpreempt/w writes 2 of the 4 bytes of its int: not used']]);
    expect(b.snapshot.tunables).toEqual({});
  });
});

describe('a tunable shown twice with different values and no write between them', () => {
  it('takes the later with a note naming both lines; the same value again, or a write between, says nothing of it', () => {
    const twice = analyzeText(lines('> kpreemptpri/D', 'kpreemptpri:', 'kpreemptpri:    100', '> kpreemptpri/D', 'kpreemptpri:', 'kpreemptpri:    99'));
    expect([twice.snapshot.tunables, twice.snapshot.tunableLines]).toEqual([{ kpreemptpri: 99 }, { kpreemptpri: 6 }]);
    expect(modelNotes(twice)).toEqual([
      'line 6: kpreemptpri shows 99 here and 100 at line 3, with no write shown between them (two boots or systems in one input, or a write the paste left out): the snapshot uses 99, the later',
    ]);
    const same = analyzeText(lines('> kpreemptpri/D', 'kpreemptpri:', 'kpreemptpri:    100', '> kpreemptpri::print -d', '0t100'));
    expect(modelNotes(same)).toEqual([]);
    const written = analyzeText(lines('> kpreemptpri/D', 'kpreemptpri:', 'kpreemptpri:    100', '> kpreemptpri/W 0t99', W, '> kpreemptpri/D', 'kpreemptpri:', 'kpreemptpri:    99'));
    expect(modelNotes(written).filter((m) => m.includes('no write shown'))).toEqual([]);
  });
});
