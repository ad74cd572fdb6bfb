// Each view and the paste flow, driven by keys through ink-testing-library.
import { afterEach, describe, expect, test } from 'vitest';
import React from 'react';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/tui/App.tsx';
import type { Analysis } from '../../src/analysis.ts';
import { addr } from '../../illumos/index.ts';
import { blankThread } from '../../src/model/snapshot.ts';
import { fakeServices, waitFor } from './harness.tsx';
import { SEED_TEXT, seedAnalysis } from '../seed.ts';
import { analyzeText } from '../../src/analyze.ts';

afterEach(() => cleanup());

function open(a: Analysis = seedAnalysis(), over = {}) {
  const { services, calls } = fakeServices(a, over);
  let quit = 0;
  const r = render(<App services={services} initial={{ kind: 'analysis', analysis: a }} onQuit={() => quit++} />);
  const frame = (): string => r.lastFrame() ?? '';
  const until = (pred: (f: string) => boolean, what: string) => waitFor(frame, pred, what);
  const has = (s: string) => until((f) => f.includes(s), JSON.stringify(s));
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await new Promise((res) => setTimeout(res, 2));
    }
  };
  return { r, calls, frame, until, has, press, quits: () => quit };
}

const ENTER = '\r';
const ESC = '\x1b';
const DOWN = '\x1b[B';

describe('summary', () => {
  test('an input with no dispatcher state is "not judged", never "clean", in the header, summary and findings list', async () => {
    const stackOnly = ['> ffffff0007e01c40::findstack', 'stack pointer for thread ffffff0007e01c40: ffffff0007e01b50', '  ffffff0007e01b80 swtch+0x141()'].join('\n') + '\n';
    const t = open(analyzeText(stackOnly));
    const f = await t.has('Findings: none; no dispatcher state');
    expect(f).toContain('0 findings, not judged');
    expect(f).not.toContain('clean');
    await t.press('f');
    await t.has('No findings; no dispatcher state');
  });

  test('a judged dump with no findings is "clean"; prose alone is "nothing read"', async () => {
    const quiet = ['> ::cpuinfo', ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC', '  0 fffffffffbc3e000  1b    0    0  60   no    no t-2    fffffe000f0d5c20 sched'].join('\n') + '\n';
    const a = analyzeText(quiet);
    expect(a.findings).toEqual([]);
    const t = open(a);
    await t.has('0 findings, clean');
    await t.press('f');
    await t.has('No findings: the rules saw nothing wrong in this input.');
    cleanup();
    await open(analyzeText('The machine hung twice today.\n')).has('0 findings, nothing read');
  });

  test('shows each CPU with pri, RNRN/KRNRN, SWITCH as time, queue depth and waiting pri; starved CPU marked', async () => {
    const t = open();
    const f = await t.has('CPU PRI RNRN KRNRN');
    const row1 = f.split('\n').find((l) => /^!!\s+1\s/.test(l));
    expect(row1).toBeDefined();
    expect(row1).toMatch(/!!\s+1\s+0 yes\s+no\s+18h23m\s+4\s+99 ffffff01d5a600c0 qemu-system-x86_/);
    const row0 = f.split('\n').find((l) => /^\s+0\s+108/.test(l));
    expect(row0).toMatch(/0 108 no\s+no\s+0s\s+5\s+99 ffffff00076cbc40 sched/);
    expect(f).toContain('hz 100 (assumed');
    expect(f).toContain('CRIT cpu1 CPU 1: 2 bound pri-99 threads starved behind ffffff01d5a600c0');
  });

  test('Enter on a CPU opens its queue; Enter on a queued thread opens the thread', async () => {
    const t = open();
    await t.has('CPU PRI');
    await t.press(DOWN, ENTER);
    await t.has('CPU 1  cpu_t ffffff01d3e32580');
    const f = t.frame();
    // The mark comes from the findings: the critical runq-starvation finding names cpu 1.
    expect(f).toContain('!! CPU 1: 2 bound pri-99 threads starved behind ffffff01d5a600c0 (pri 0)');
    expect(f).toMatch(/queued\s+99 ffffff0007e01c40 sched/);
    await t.press(DOWN, ENTER);
    await t.has('thread ffffff0007e01c40');
    expect(t.frame()).toContain('mac_soft_ring_worker+0xc5(ffffff01d6fd5ac0)');
    await t.press(ESC);
    await t.has('CPU 1  cpu_t');
  });
});

describe('findings', () => {
  test('lists by severity, most severe first, with notes', async () => {
    const a = seedAnalysis();
    a.findings.reverse(); // the view sorts, whatever order the rules gave
    const t = open(a);
    await t.press('f');
    const f = await t.has('Findings: 1 critical, 3 high');
    const rows = f.split('\n').filter((l) => /^(CRIT|HIGH|INFO)/.test(l));
    expect(rows.map((l) => l.slice(0, 4))).toEqual(['CRIT', 'HIGH', 'HIGH', 'HIGH']);
    expect(rows[0]).toContain('CPU 1: 2 bound pri-99 threads starved'); // the one critical finding, last from the rules here
    expect(f).toContain('stranded-runnable: CPU 1 has 4 threads waiting above its running thread');
  });

  test('detail highlights evidence lines in the original text; n steps; digits open named threads', async () => {
    const t = open();
    await t.press('f', ENTER);
    // runq-starvation: its evidence, in line order, is lines 67, 68, 71, 72, 73, 74, 82, 111, 118.
    let f = await t.has('Evidence 1/9: line 67');
    expect(f).toContain('CPU 1 runs ffffff01d5a600c0 (qemu-system-x86_) at pri 0 while 4 threads of higher priority wait on');
    expect(f).toContain('more lines: m shows the whole text'); // its fix is further down
    expect(f).toMatch(/71▶.*99 ffffff0007e01c40 sched/);
    expect(f).toMatch(/67▶\s+1 ffffff01d3e32580\s+1f\s+4/);
    expect(f).toMatch(/ 70 .*PRI THREAD\s+PROC/); // context lines are shown unmarked
    await t.press('n', 'n');
    f = await t.has('Evidence 3/9: line 71');
    await t.press('N');
    await t.has('Evidence 2/9: line 68');
    await t.press('2');
    f = await t.has('thread ffffff0007e1fc40');
    expect(f).toContain('squeue_worker+0xd1(ffffff01d2c35c00)');
    await t.press(ESC);
    await t.has('Evidence');
  });
});

describe('typing ahead', () => {
  test('keys written back to back, with no pause, each act on the screen the one before produced', async () => {
    const t = open();
    await t.has('CPU PRI');
    for (const k of ['f', ENTER, 'n', '2']) t.r.stdin.write(k);
    await t.has('thread ffffff0007e1fc40');
    for (const k of [ESC, ESC, 'w', '\x7f', '\x7f', '1', '0', '0', ENTER]) t.r.stdin.write(k);
    await t.has('With kpreemptpri 100:');
    for (const k of [':', ...'::stacks'.split(''), ENTER]) t.r.stdin.write(k);
    await t.has('(output of ::stacks)');
    expect(t.calls.runCommand).toEqual(['::stacks']);
  });
});

describe('finding text longer than the space above the evidence', () => {
  test('is cut with a note; m shows all of it, newlines kept and control characters neutralized', async () => {
    const a = seedAnalysis();
    const critical = a.findings.find((x) => x.rule === 'runq-starvation')!; // listed first
    critical.message = Array.from({ length: 30 }, (_, i) => `line ${i + 1} of the message`).join('\n') + '\x1b[2J';
    const t = open(a);
    await t.press('f', ENTER);
    let f = await t.has('more lines: m shows the whole text');
    expect(f).toContain('Evidence 1/9');
    await t.press('m');
    f = await t.has('m: back to the evidence');
    expect(f).toContain('line 1 of the message');
    await t.press('G'); // the end of the whole text: the finding's last reference
    f = await t.has('github.com/TritonDataCenter/illumos-joyent/commit/75dc0360');
    await t.press('k', 'k'); // the message's last line sits just above its fix
    f = await t.has('line 30 of the message\\x1b[2J');
    await t.press('m');
    await t.has('Evidence 1/9');
  });
});

describe('threads', () => {
  test('thread detail shows class data and the stack', async () => {
    const t = open();
    await t.press('t');
    const f = await t.has('Threads: 12');
    // The seed shows no class for the worker (::cpuinfo and ::findstack do not print it): '-'.
    expect(f).toMatch(/ffffff0007e01c40\s+99 run\s+-\s+q 1\s+sched\s+mac_soft_ring_worker/);
    await t.press(...'jjjjjjj', ENTER); // the eighth row: the qemu thread running on cpu 1
    const d = await t.has('thread ffffff01d5a600c0');
    expect(d).toContain('running on cpu 1');
    expect(d).toContain('ts_timeleft -6618541  (quantum overrun by 18h23m');
    expect(d).toContain('stack: not shown in the input');
  });

  test('a 50,000-thread list renders one screenful and jumps to the end', async () => {
    const a = seedAnalysis();
    a.snapshot.threads = Array.from({ length: 50_000 }, (_, i) => ({
      // A leading 1 keeps every address 16 digits once normalised (no leading zeros).
      ...blankThread(addr('1' + i.toString(16).padStart(15, '0'))),
      pri: i % 100,
      state: 'sleep',
    }));
    const t = open(a);
    await t.press('t');
    const f = await t.has('Threads: 50000');
    expect(f.split('\n').filter((l) => /^[0-9a-f]{16} /.test(l)).length).toBeLessThanOrEqual(24);
    await t.press('G');
    const g = await t.has('(50000/50000)');
    expect(g).toContain('1' + (49_999).toString(16).padStart(15, '0'));
  });
});

describe('mdb prompt', () => {
  test('runs typed commands against the snapshot and keeps scrollback; q is text here', async () => {
    const t = open(seedAnalysis(), {
      runCommand: async (_a: Analysis, line: string) =>
        line === 'bad' ? { lines: [], error: 'cannot parse "bad"' } : { lines: [` ID ADDR  for ${line}`, 'second line'] },
    });
    await t.press(':');
    await t.has('mdb-style prompt');
    await t.press(...'::cpuinfo -v'.split(''), ENTER);
    const f = await t.has(' ID ADDR  for ::cpuinfo -v');
    expect(f).toContain('> ::cpuinfo -v');
    expect(t.calls.runCommand).toEqual(['::cpuinfo -v']);
    await t.press('b', 'a', 'd', ENTER);
    await t.has('mdb: cannot parse "bad"');
    await t.press('q');
    await t.has('> q');
    expect(t.quits()).toBe(0);
    await t.press('\x15', '\x1b[A', '\x1b[A'); // Ctrl-U, then history back twice
    await t.has('> ::cpuinfo -v█'.replace('█', ''));
    await t.press(ESC);
    await t.has('CPU PRI RNRN');
  });

  test('command output is neutralized', async () => {
    const t = open(seedAnalysis(), { runCommand: async () => ({ lines: ['evil \x1b]0;title\x07 here'] }) });
    await t.press(':', 'x', ENTER);
    const f = await t.has('evil');
    expect(f).toContain('evil \\x1b]0;title\\x07 here');
  });
});

describe('what-if', () => {
  test('changes kpreemptpri, runs the simulator, shows which findings clear, return or remain', async () => {
    const t = open();
    await t.press('w');
    await t.has('kpreemptpri =');
    await t.press('\x7f', '\x7f', '1', '0', '0', ENTER);
    // 100 is what the seed is assumed to run with (it does not show kpreemptpri): nothing moves.
    let f = await t.has('With kpreemptpri 100: 0 of 4 findings clear, 0 return, 4 remain.');
    expect(t.calls.whatIf).toEqual([{ kpreemptpri: 100 }]);
    expect(f).toMatch(/REMAINS CRIT cpu1\s+CPU 1: 2 bound pri-99 threads starved/);
    expect(f).toContain('Boot-time fix (dispinit() sets it): kpreemptpri 100 -> 100, kpqpri stays 100.');
    expect(f).toContain('Ran 6000 ticks (1m00s) at hz 100 (assumed, the dump does not show it), with and without the change.');
    expect(f).toContain('still there after 6000 ticks (1m00s)');
    await t.press('-', ENTER);
    // 99: the bound pri-99 workers run at once; the qemu thread leaves its CPU but is back with
    // RNRN pending at the end of the window, so its two findings return rather than clear.
    f = await t.has('With kpreemptpri 99: 2 of 4 findings clear, 2 return, 0 remain.');
    expect(f).toContain('Boot-time fix (dispinit() sets it): kpreemptpri 100 -> 99, kpqpri follows, 100 -> 99.');
    expect(f).toMatch(/CLEARS  CRIT cpu1\s+CPU 1: 2 bound pri-99 threads starved/);
    expect(f).toMatch(/CLEARS  HIGH cpu1\s+kpreemptpri above maxclsyspri/);
    expect(f).toMatch(/RETURNS HIGH cpu1\s+Thread ffffff01d5a600c0 has stayed in the kernel/);
    expect(f).toMatch(/RETURNS HIGH cpu1\s+CPU 1: RNRN set/);
    expect(f).not.toMatch(/CLEARS .*RNRN set/);
    expect(f.indexOf('CLEARS  CRIT')).toBeLessThan(f.indexOf('CLEARS  HIGH')); // worst first, as in the findings list
    // m: the live patch instead; kpqpri stays at the dump's (assumed) 100. On the seed the bound
    // workers still run at once, so the outcome is the same; the panel says which was run.
    await t.press('m');
    await t.has('as a live patch, kpreemptpri/w (kpqpri stays)');
    await t.press(ENTER);
    f = await t.has('Live patch (kpreemptpri/w): kpreemptpri 100 -> 99, kpqpri stays 100.');
    expect(f).toContain('With kpreemptpri 99: 2 of 4 findings clear, 2 return, 0 remain.');
    expect(t.calls.whatIfModes).toEqual(['boot', 'boot', 'live']);
  });

  test('a simulator error is shown, not thrown', async () => {
    const t = open(seedAnalysis(), { whatIf: async () => { throw new Error('sim not ready'); } });
    await t.press('w', ENTER);
    await t.has('simulator: sim not ready');
  });
});

describe('paste', () => {
  test('a bracketed paste of the seed report is analysed on Ctrl-D', async () => {
    const t = open();
    await t.press('p');
    await t.has('Ctrl-D analyse');
    const crlf = SEED_TEXT.replace(/\n/g, '\r\n');
    // A terminal delivers a big paste in pieces; markers and text arrive in separate chunks.
    t.r.stdin.write('\x1b[200~' + crlf.slice(0, 5000));
    for (let i = 5000; i < crlf.length; i += 4096) t.r.stdin.write(crlf.slice(i, i + 4096));
    t.r.stdin.write('\x1b[201~');
    const n = SEED_TEXT.split('\n').length - (SEED_TEXT.endsWith('\n') ? 1 : 0);
    const f = await t.has(`${n} lines, ${SEED_TEXT.length} chars`);
    expect(f).toContain('Also available in: Atom PDF'); // the tail of the paste is on screen
    await t.press('\x04');
    await t.has('CPU PRI RNRN');
    expect(t.calls.analyze).toHaveLength(1);
    expect(t.calls.analyze[0]!.text).toBe(SEED_TEXT);
    expect(t.calls.analyze[0]!.source).toBe('paste');
  });

  test('keys inside a paste are text; typed lines work too; control characters are shown neutralized', async () => {
    const t = open();
    await t.press('p');
    await t.has('Ctrl-D analyse');
    t.r.stdin.write('\x1b[200~q?\x1b[31mred\x1b[0m\r\x1b[201~');
    await t.press('a', 'b', 'x', '\x7f', ENTER);
    const f = await t.has('\\x1b[31mred');
    expect(f).toContain('q?\\x1b[31mred\\x1b[0m');
    expect(t.quits()).toBe(0);
    await t.press('\x04');
    await t.until(() => t.calls.analyze.length === 1, 'analyze');
    expect(t.calls.analyze[0]!.text).toBe('q?\x1b[31mred\x1b[0m\nab\n');
  });

  test('Esc cancels without analysing', async () => {
    const t = open();
    await t.press('p', 'x', ESC);
    await t.has('CPU PRI RNRN');
    expect(t.calls.analyze).toHaveLength(0);
  });
});

describe('open, loading, help, quit', () => {
  test('o opens a file; a read error is shown in place', async () => {
    const t = open(seedAnalysis(), {
      readFile: async (p: string) => {
        if (p === 'good.txt') return SEED_TEXT;
        throw new Error('ENOENT: no such file');
      },
    });
    await t.press('o');
    await t.has('path:');
    await t.press(...'nope.txt'.split(''), ENTER);
    await t.has('cannot read nope.txt: ENOENT');
    await t.press('\x15', ...'good.txt'.split(''), ENTER);
    await t.has('CPU PRI RNRN');
    expect(t.calls.readFile).toEqual(['nope.txt', 'good.txt']);
    expect(t.calls.analyze.map((c) => c.source)).toEqual(['good.txt']);
    expect(t.frame()).toContain('good.txt');
  });

  test('keys stay live while an analysis is still running', async () => {
    let finish: (a: Analysis) => void = () => undefined;
    const { services } = fakeServices(seedAnalysis(), {
      analyze: () => new Promise<Analysis>((res) => (finish = res)),
    });
    const r = render(<App services={services} initial={{ kind: 'text', text: 'x'.repeat(3 << 20), source: 'big.txt' }} />);
    const frame = () => r.lastFrame() ?? '';
    await waitFor(frame, (f) => f.includes('analysing big.txt (3.0 MB)'), 'loading status');
    r.stdin.write('?');
    await waitFor(frame, (f) => f.includes('this help'), 'help while loading');
    finish(seedAnalysis());
    await waitFor(frame, (f) => f.includes('4 findings, 4 high+'), 'the analysis in the header');
    expect(frame()).toContain('this help'); // the screen the user went to stays
    r.stdin.write('?');
    await waitFor(frame, (f) => f.includes('CPU PRI RNRN'), 'summary after load');
  });

  test('? shows every key; q quits', async () => {
    const t = open();
    await t.press('?');
    const f = await t.has('Keys');
    for (const k of ['paste a dump', 'mdb-style prompt', 'what-if', 'quit']) expect(f).toContain(k);
    await t.press('?');
    await t.has('CPU PRI');
    await t.press('q');
    expect(t.quits()).toBe(1);
  });

  test('footer always shows ? help and q quit at 100 columns', async () => {
    const t = open();
    const f = await t.has('? help');
    expect(f.split('\n').at(-1)).toMatch(/\? help  q quit$/);
  });
});

describe('preview then full analysis', () => {
  test('a preview shows first, marked as such; the full analysis replaces it and keeps the screen', async () => {
    let finish: (a: Analysis) => void = () => undefined;
    const preview = seedAnalysis();
    preview.snapshot.threads = [];
    const { services } = fakeServices(seedAnalysis(), {
      analyze: (_t: string, _s: string, onPreview?: (a: Analysis) => void) =>
        new Promise<Analysis>((res) => {
          setTimeout(() => onPreview?.(preview), 5);
          finish = res;
        }),
    });
    const r = render(<App services={services} initial={{ kind: 'text', text: 'big', source: 'big.txt' }} />);
    const frame = () => r.lastFrame() ?? '';
    await waitFor(frame, (f) => f.includes('preview: stacks of big.txt still being read') && f.includes('18h23m'), 'the preview');
    r.stdin.write('\x1b[B');
    r.stdin.write('\r');
    await waitFor(frame, (f) => f.includes('CPU 1  cpu_t'), 'a CPU opened from the preview');
    finish(seedAnalysis());
    await waitFor(frame, (f) => f.includes('CPU 1  cpu_t') && !f.includes('preview'), 'the full analysis, same screen');
    r.stdin.write('t');
    await waitFor(frame, (f) => f.includes('Threads: 12'), 'the full thread list');
  });
});
