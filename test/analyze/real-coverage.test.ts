// Corpus coverage: every real sample parses with no unrecognized line, except what is explained here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';

const dir = new URL('../../fixtures/real/', import.meta.url);
const samples = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

/** Lines playfair leaves unrecognized on purpose, with the reason. */
const EXPLAINED: Record<string, { lines: number[]; why: RegExp }> = {
  // `$<bufctl_audit` is an adb macro printing a kmem audit record: no dispatcher data and no grammar.
  // Its section is kept (kind unknown) and each output line says so.
  '009-mdbguide-casestudy-32bit-status-KKn-bufctl_audit.txt': {
    lines: [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
    why: /^no grammar reads output of "0x70ae3200\$<bufctl_audit"$/,
  },
  // `::evtchns` is a Xen event-channel table: no dispatcher data and no grammar.
  // The mdb test suite's expected output holds no commands (they are in the .ksh): the lines a
  // `::printf` wrote (`hello world`, `0x9999 0xfffffffc`) stand among ::print members with nothing
  // to read them by.
  '105-illumos-test-sou-anon.txt': {
    lines: [27, 34, 35, 36, 37, 39],
    why: /^::print: (expected ' = ' and a value after the member name|unexpected ''')$/,
  },
  '103-jlevon-blog-2007-xen-status-cpuinfo-cpustack.txt': {
    lines: Array.from({ length: 8 }, (_, i) => 16 + i),
    why: /^no grammar reads output of "::evtchns"$/,
  },
};

describe('real corpus coverage', () => {
  for (const name of samples) {
    it(name, () => {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const a = analyzeText(text, { source: name });
      const { lines, parsed, prose, unrecognized } = a.accounting;
      expect(parsed + prose + unrecognized).toBe(lines);
      const explained = EXPLAINED[name];
      expect(a.diagnostics.map((d) => d.line)).toEqual(explained?.lines ?? []);
      for (const d of a.diagnostics) expect(d.message).toMatch(explained!.why);
      // Unknown dcmds stay as sections of kind unknown, never dropped.
      if (explained?.why.source.includes('no grammar') === true) expect(a.sections.some((s) => s.kind === 'unknown' && s.status === 'unknown')).toBe(true);
    });
  }
});
