// The TUI's pure parts: paste buffering, key decoding, text helpers, the prompt's commands.
import { describe, expect, test } from 'vitest';
import { PasteBuffer, PASTE_END, PASTE_START } from '../../src/tui/paste-buffer.ts';
import { splitLines } from '../../src/ingest/lines.ts';
import { rng } from '../../bench/gen/rng.ts';
import { decodeKey } from '../../src/tui/keypress.ts';
import { clip, maxWaitingPri, padL, padR, width, wrapText } from '../../src/tui/format.ts';
import { hzOf, marksStarved, starvedCpus } from '../../src/tui/policy.ts';
import type { Finding } from '../../src/rules/types.ts';
import { addr } from '../../illumos/index.ts';
import { navKey, windowStart } from '../../src/tui/list-nav.ts';
import { runMdbCommand, type Renderers } from '../../src/shell/commands.ts';
import { renderersFor, stacksGroups } from '../../src/shell/renderers.ts';
import { footerText } from '../../src/tui/Footer.tsx';
import { seedAnalysis, SEED_TEXT } from '../seed.ts';

describe('PasteBuffer', () => {
  test('bracketed paste is literal: Ctrl-D, Esc and DEL inside it are text', () => {
    const b = new PasteBuffer();
    expect(b.feed(PASTE_START)).toBe('none');
    expect(b.feed('a\x04b\x7fc')).toBe('none');
    expect(b.feed('\x1b')).toBe('none');
    expect(b.feed(PASTE_END)).toBe('none');
    expect(b.text).toBe('a\x04b\x7fc\x1b');
  });

  test('CRLF split across events becomes one LF; lone CR becomes LF', () => {
    const b = new PasteBuffer();
    b.feed(PASTE_START);
    b.feed('one\r');
    b.feed('\ntwo\rthree\r\n');
    b.feed(PASTE_END);
    expect(b.text).toBe('one\ntwo\nthree\n');
    expect(b.lineCount).toBe(3);
  });

  test('CRs next to an LF are its line end, as a file is read: CR CR LF and LF CR give one line each', () => {
    const b = new PasteBuffer();
    b.feed(PASTE_START);
    b.feed('one\r\r\ntwo\n\rthree\r');
    b.feed('\r');
    b.feed('\nfour\n');
    b.feed('\rfive');
    b.feed(PASTE_END);
    expect(b.text).toBe('one\ntwo\nthree\nfour\nfive');
    expect(b.lineCount).toBe(4);
  });

  test('any mix of CR, LF and text, in any pieces, has the lines splitLines gives the raw text', () => {
    const r = rng(20261207);
    for (let n = 0; n < 2000; n++) {
      let raw = '';
      for (let len = r.int(0, 24); len > 0; len--) raw += ['a', 'b', '\r', '\n'][r.int(0, 3)];
      const b = new PasteBuffer();
      b.feed(PASTE_START);
      for (let i = 0; i < raw.length; ) {
        const k = r.int(1, 5);
        b.feed(raw.slice(i, i + k));
        i += k;
      }
      // A last character settles a pending run: 'a\r\r' still waits to see whether an LF follows.
      b.feed('z');
      expect(splitLines(b.text), JSON.stringify(raw)).toEqual(splitLines(raw + 'z'));
      expect(b.lineCount).toBe(b.text.split('\n').length - 1);
    }
  });

  test('typed keys: Enter, Backspace, Ctrl-U clear, Ctrl-D submits with the text before it', () => {
    const b = new PasteBuffer();
    b.feed('ab');
    b.feed('\r');
    b.feed('x\x7f');
    b.feed('junk\x15');
    expect(b.text).toBe('');
    b.feed('keep\r');
    expect(b.feed('tail\x04ignored')).toBe('submit');
    expect(b.text).toBe('keep\ntail');
    expect(new PasteBuffer().feed('\x1b')).toBe('cancel');
    expect(new PasteBuffer().feed('\x1b[A')).toBe('none');
  });

  test('tail gives the last lines, the one being typed last', () => {
    const b = new PasteBuffer();
    b.feed('1\n2\n3\n4');
    expect(b.tail(2)).toEqual(['3', '4']);
    expect(b.tail(10)).toEqual(['1', '2', '3', '4']);
  });

  test('the whole seed, fed in 1 KiB pieces, comes out unchanged', () => {
    const b = new PasteBuffer();
    b.feed(PASTE_START);
    for (let i = 0; i < SEED_TEXT.length; i += 1024) b.feed(SEED_TEXT.slice(i, i + 1024));
    b.feed(PASTE_END);
    expect(b.text).toBe(SEED_TEXT);
  });
});

describe('decodeKey', () => {
  test('movement and editing keys', () => {
    expect(decodeKey('\x1b[A').key.upArrow).toBe(true);
    expect(decodeKey('\x1bOB').key.downArrow).toBe(true);
    expect(decodeKey('\x1b[5~').key.pageUp).toBe(true);
    expect(decodeKey('\x1b[6~').key.pageDown).toBe(true);
    expect(decodeKey('\r').key.return).toBe(true);
    expect(decodeKey('\x7f').key.backspace).toBe(true);
    expect(decodeKey('\x1b').key.escape).toBe(true);
    expect(decodeKey('\x15')).toMatchObject({ input: 'u', key: { ctrl: true } });
    expect(decodeKey('q')).toMatchObject({ input: 'q', key: { ctrl: false } });
  });

  test('sequences Ink mistakes for nameless Ctrl chords are no key, not a crash', () => {
    for (const s of ['\x1b[0m', '\x1b[31m', '\x1b[200~', '\x1b]0;x']) {
      const { input, key } = decodeKey(s);
      expect(input).toBe('');
      expect(Object.values(key).some(Boolean)).toBe(false);
    }
  });
});

describe('format', () => {
  test('the highest waiting pri is found by a loop, even on a 200,000-entry run queue', () => {
    const [, c1] = seedAnalysis().snapshot.cpus;
    expect(maxWaitingPri(c1!)).toBe(99);
    expect(maxWaitingPri({ ...c1!, runq: null })).toBeNull();
    const runq = Array.from({ length: 200_000 }, (_, i) => ({ pri: i === 123_456 ? 150 : i % 60, thread: addr('ffffff0000000000'), proc: 'p', line: 1 }));
    expect(maxWaitingPri({ ...c1!, runq })).toBe(150);
  });

  test('clip and wrap keep to the width', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
    // Wide characters take two columns: 'qemu' (4) + 3 wide (6) = 10 columns.
    expect(width('qemu古古古')).toBe(10);
    expect(clip('qemu古古古', 8)).toBe('qemu古…'); // 4 + 2 + 1 = 7: a second 古 would make 9
    expect(padR('古', 4)).toBe('古  ');
    expect(padL('古古古', 4)).toBe(' 古…'); // 古 + … is 3 columns; a second 古 would not fit
    expect(wrapText('古古古古古', 4)).toEqual(['古古', '古古', '古']);
    const w = wrapText('the quick brown fox jumps over the lazy dog', 10);
    expect(w.every((l) => l.length <= 10)).toBe(true);
    expect(w.join(' ')).toBe('the quick brown fox jumps over the lazy dog');
    expect(wrapText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  test('list navigation clamps and pages; the window keeps the cursor in view', () => {
    const k = { upArrow: false, downArrow: false, pageUp: false, pageDown: true, home: false, end: false, ctrl: false } as never;
    expect(navKey('', k, 0, 100, 20)).toBe(20);
    expect(navKey('G', {} as never, 0, 100, 20)).toBe(99);
    expect(navKey('k', {} as never, 0, 100, 20)).toBe(0);
    expect(navKey('x', {} as never, 0, 100, 20)).toBeNull();
    for (const c of [0, 10, 50, 99]) {
      const s = windowStart(c, 100, 20);
      expect(c >= s && c < s + 20).toBe(true);
    }
    expect(windowStart(5, 3, 20)).toBe(0);
  });

  test('footer keeps ? help and q quit at any width', () => {
    for (const w of [60, 80, 160]) {
      const t = footerText({ kind: 'summary' }, w);
      expect(t.endsWith('? help  q quit')).toBe(true);
      expect(t.length).toBeLessThanOrEqual(Math.max(w, 40));
    }
  });
});

describe('policy as the TUI asks it', () => {
  const base: Finding = { rule: 'x', severity: 'medium', confidence: 'certain', title: 't', message: 'm', evidence: [], fix: '', confirm: [], references: [] };
  test('a CPU is marked iff runq-starvation, or a finding high or worse, names it', () => {
    expect(marksStarved({ ...base, rule: 'runq-starvation', severity: 'low', cpu: 2 })).toBe(true);
    expect(marksStarved({ ...base, rule: 'preemption-pending', severity: 'high', cpu: 3 })).toBe(true);
    expect(marksStarved({ ...base, rule: 'stranded-runnable', severity: 'medium', cpu: 4 })).toBe(false);
    expect(marksStarved({ ...base, rule: 'runq-starvation', severity: 'critical' })).toBe(false); // names no CPU
    const seed = seedAnalysis();
    expect([...starvedCpus(seed.findings)]).toEqual([1]); // CRIT and HIGH on cpu1; cpu0 has INFO only
    // No finding, no mark: the queue alone (pri 99 over pri 0 for 18 h) does not decide.
    expect(starvedCpus([]).size).toBe(0);
  });

  test('hz is the rules\' resolveHz: the dump\'s when shown, else the assumed default', () => {
    const a = seedAnalysis();
    expect(hzOf(a)).toEqual({ hz: 100, assumed: true, source: 'default', line: null });
    a.snapshot.tunables['hz'] = 1000;
    a.snapshot.tunableLines['hz'] = 7;
    expect(hzOf(a)).toEqual({ hz: 1000, assumed: false, source: 'input', line: 7 });
  });
});

describe('prompt commands', () => {
  const fake: Renderers = {
    cpuinfo: (_a, v) => [`cpuinfo v=${v}`],
    findstack: (t, v) => `findstack ${t.addr} v=${v}\n`,
    stacks: (_a, st) => [`stacks ${st.addr}`],
  };
  const a = seedAnalysis();

  test('the commands the issue names reach their renderers with the parsed pieces', () => {
    expect(runMdbCommand(a, '::cpuinfo -v', fake)).toEqual({ lines: ['cpuinfo v=true'] });
    expect(runMdbCommand(a, '::cpuinfo', fake)).toEqual({ lines: ['cpuinfo v=false'] });
    expect(runMdbCommand(a, 'ffffff0007e01c40::findstack -v', fake)).toEqual({ lines: ['findstack ffffff0007e01c40 v=true'] });
    expect(runMdbCommand(a, '::stacks', fake)).toEqual({ lines: ['stacks null'] });
    expect(runMdbCommand(a, 'ffffff01d5a600c0::print kthread_t t_pri', fake)).toEqual({ lines: ['t_pri = 0'] });
  });

  test('errors are values with a reason', () => {
    expect(runMdbCommand(a, 'dead::findstack', fake).error).toMatch(/thread dead is not in this dump/);
    expect(runMdbCommand(a, '::findstack', fake).error).toMatch(/needs a thread address/);
    expect(runMdbCommand(a, '::walk cpu', fake).error).toMatch(/'cpu': unknown walk name/);
    expect(runMdbCommand(a, 'hello there', fake).error).toBeDefined();
    expect(runMdbCommand(a, '::help', fake).lines[0]).toMatch(/Commands answered/);
  });

  test('real renderers: ::findstack -v reproduces the seed text; ::cpuinfo -v starts with the header', () => {
    const r = renderersFor();
    const fs = runMdbCommand(a, 'ffffff0007e01c40::findstack -v', r);
    expect(fs.lines).toEqual(SEED_TEXT.split('\n').slice(106, 112));
    const ci = runMdbCommand(a, '::cpuinfo -v', r);
    expect(ci.lines[0]).toBe(' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC');
    expect(ci.lines.join('\n')).toContain('99 ffffff0007e01c40 sched');
  });

  test('::stacks groups identical stacks from the snapshot', () => {
    const a2 = seedAnalysis();
    // The seed's mac_soft_ring_worker thread (its stack is at lines 107-112); a copy of it groups with it.
    const w = a2.snapshot.threads.find((t) => t.addr === 'ffffff0007e01c40')!;
    a2.snapshot.threads.push({ ...w, addr: addr('ffffff0007e07c40') });
    const g = stacksGroups(a2.snapshot.threads, null);
    expect(g.map((x) => [x.thread, x.count, x.state])).toEqual([
      ['ffffff0007e01c40', 2, 'RUN'],
      ['ffffff0007e1fc40', 1, 'RUN'],
    ]);
    const text = runMdbCommand(a2, '::stacks', renderersFor()).lines;
    expect(text[0]).toMatch(/^THREAD\s+STATE\s+SOBJ\s+COUNT$/);
    expect(text).toContain('                 mac_soft_ring_worker+0xc5');
  });
});

describe('preview text', () => {
  test('blanks the bulky commands and their output, keeping line numbers', async () => {
    const { previewLines, promptKind } = await import('../../src/tui/preview.ts');
    const lines = ['> ::cpuinfo', 'cpu row', '> ffff::findstack -v', 'stack pointer for thread ffff: 1', '  frame', '> kpreemptpri/D', 'kpreemptpri: 100'];
    expect(previewLines(lines)).toEqual(['> ::cpuinfo', 'cpu row', '', '', '', '> kpreemptpri/D', 'kpreemptpri: 100']);
    expect(previewLines(['[0]> ::stacks', 'THREAD x', '[0]> ::cpuinfo', 'row'])).toEqual(['', '', '[0]> ::cpuinfo', 'row']);
    expect(promptKind('  mdb> ::threadlist -v')).toBe('bulky');
    expect(promptKind('> ::status')).toBe('other');
    expect(promptKind('[ prose in brackets ]> no')).toBeNull();
    expect(promptKind('plain text')).toBeNull();
  });

  test('splitting in turns gives exactly splitLines', async () => {
    const fc = await import('fast-check');
    const { splitLinesInTurns } = await import('../../src/tui/analyzer.ts');
    const { splitLines } = await import('../../src/ingest/lines.ts');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', ' ', '> x'), { maxLength: 40 }), async (parts) => {
        const text = parts.join('');
        expect(await splitLinesInTurns(text)).toEqual(splitLines(text));
      }),
    );
    expect(await splitLinesInTurns(SEED_TEXT)).toEqual(splitLines(SEED_TEXT));
  });
});

describe('prompt and what-if on the real pipeline', () => {
  test('the seed\'s own ::print pipeline reproduces its output line', async () => {
    const { analyzeText } = await import('../../src/analyze.ts');
    const a = analyzeText(SEED_TEXT, { source: 'seed' });
    const r = renderersFor();
    const out = runMdbCommand(a, 'ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft', r);
    expect(out).toEqual({ lines: [SEED_TEXT.split('\n')[79]!] }); // ffffff01dde41b90 ts_timeleft = 0xff9b0253
    expect(runMdbCommand(a, 'ffffff01d5a600c0::print kthread_t t_cldata', r).lines).toEqual(['t_cldata = 0xffffff01dde41b90']);
    expect(runMdbCommand(a, 'ffffff01d5a600c0::print kthread_t', r).error).toMatch(/give the members/);
  });

  test('what-if kpreemptpri 99 clears the starvation the seed shows; 100 does not', async () => {
    const { analyzeText } = await import('../../src/analyze.ts');
    const { simulateWhatIf } = await import('../../src/tui/whatif.ts');
    const a = analyzeText(SEED_TEXT, { source: 'seed' });
    const starve = (kp: number) => simulateWhatIf(a, { kpreemptpri: kp }).outcomes.find((o) => o.rule === 'runq-starvation');
    expect(starve(100)).toMatchObject({ status: 'remains', cleared: false });
    expect(starve(99)).toMatchObject({ status: 'cleared', cleared: true });
  });
});

describe('what-if panel words', () => {
  test('on the seed at kpreemptpri 99: the starvation clears, the qemu thread\'s findings return, not clear', async () => {
    const { analyzeText } = await import('../../src/analyze.ts');
    const { simulateWhatIf } = await import('../../src/tui/whatif.ts');
    const { countLine, statusWord } = await import('../../src/tui/whatif-text.ts');
    const r = simulateWhatIf(analyzeText(SEED_TEXT, { source: 'seed' }), { kpreemptpri: 99 });
    const by = (rule: string) => r.outcomes.find((o) => o.rule === rule)!;
    expect(statusWord(by('runq-starvation'))).toEqual({ word: 'CLEARS ', color: 'green' });
    const back = by('preemption-pending');
    expect(back).toMatchObject({ status: 'returns', cleared: false });
    expect(statusWord(back)).toEqual({ word: 'RETURNS', color: 'yellow' });
    // 5995 ticks at the assumed hz 100 is 59.95 s: shortTicks shows tenths, rounded down.
    expect(back.detail).toContain('with RNRN pending for 5995 ticks (59.9s)');
    expect(countLine(r, 99)).toBe('With kpreemptpri 99: 2 of 4 findings clear, 2 return, 0 remain.');
  });

  test('the kpreemptpri change says boot-time fix or live patch and what kpqpri did; hz says where it came from', async () => {
    const { changeLine, hzLine, statusWord } = await import('../../src/tui/whatif-text.ts');
    const run = { ticks: 60000, hz: 1000, hzSource: 'dump' as const, kpreemptpriMode: 'live' as const, base: { kpreemptpri: 100, kpqpri: 100 }, changed: { kpreemptpri: 99, kpqpri: 100 } };
    expect(changeLine(run)).toBe('Live patch (kpreemptpri/w): kpreemptpri 100 -> 99, kpqpri stays 100.');
    expect(changeLine({ ...run, kpreemptpriMode: 'boot', changed: { kpreemptpri: 99, kpqpri: 99 } })).toBe(
      'Boot-time fix (dispinit() sets it): kpreemptpri 100 -> 99, kpqpri follows, 100 -> 99.',
    );
    expect(hzLine(run)).toBe('Ran 60000 ticks (1m00s) at hz 1000 (from the dump), with and without the change.');
    expect(hzLine({ ...run, hzSource: null })).toContain('at hz 1000 (source not known)');
    const o = { rule: 'x', title: 'x', severity: 'high' as const, cleared: false, detail: '' };
    expect(statusWord({ ...o, status: 'remains' }).word).toBe('REMAINS');
    expect(statusWord({ ...o, status: 'n/a' }).word).toBe('N/A    ');
  });
});
