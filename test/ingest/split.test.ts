import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Splitter, type RawSection } from '../../src/ingest/split.ts';
import { splitLines } from '../../src/ingest/lines.ts';
import type { LineClass } from '../../src/ingest/types.ts';
import { fold } from '../support/fold.ts';

function split(text: string, fastLane = true, partLines?: number) {
  const sections: RawSection[] = [];
  const classes = new Map<number, LineClass>();
  const s = new Splitter({ onSection: (x) => sections.push(x), onLine: (n, c) => classes.set(n, c) }, { fastLane, partLines });
  splitLines(text).forEach((l, i) => s.push(i + 1, l));
  s.finish();
  return { sections, classes };
}

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const real = (name: string) => readFileSync(new URL(`../../fixtures/real/${name}`, import.meta.url), 'utf8');

describe('splitting the seed report', () => {
  const { sections, classes } = split(seed);

  it('finds the five mdb commands and nothing else', () => {
    expect(sections.map((s) => [s.kind, s.command, s.startLine])).toEqual([
      ['cpuinfo', '::cpuinfo -v', 51],
      ['print', 'ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft', 79],
      ['format', 'ffffff01dde41b90/D', 81],
      ['findstack', 'ffffff0007e01c40::findstack -v', 106],
      ['findstack', 'ffffff0007e1fc40::findstack -v', 113],
    ]);
  });

  it('keeps both CPU blocks, the repeated header and the wrapped proc name in one section', () => {
    const body = sections[0]!.body.map((l) => l.no);
    expect(body[0]).toBe(52);
    expect(body).toContain(66);
    expect(body).toContain(68);
    expect(body.at(-1)).toBe(75);
  });

  it('leaves the prose around the output as prose', () => {
    expect(classes.get(50)).toBe('prose');
    expect(classes.get(76)).toBe('prose');
    expect(classes.get(121)).toBe('prose');
    expect(classes.get(264)).toBe('prose'); // `git commit <40-hex>` is not mdb output
  });
});

describe('splitting real samples', () => {
  it('strips a comment prefix carried by every line of a pasted session', () => {
    const { sections } = split(real('010-walinuxagent-comment-findstack-v-strwrite.txt'));
    expect(sections).toHaveLength(1);
    expect(sections[0]!.command).toBe('::pgrep python | ::walk thread | ::findstack -v');
    expect(sections[0]!.body[0]!.text.startsWith('stack pointer for thread')).toBe(true);
  });

  it('takes the command out of a shell line running mdb -e', () => {
    const { sections } = split(real('016-smartoslive-990-mdb-ke-findstack-threadname.txt'));
    expect(sections.map((s) => [s.kind, s.command])).toEqual([['findstack', '0t83950::pid2proc |::walk thread |::findstack -v']]);
  });

  it('finds output pasted without its command by its shape', () => {
    expect(split(real('019-smartoslive-494-stack-arc-reclaim.txt')).sections.map((s) => s.kind)).toEqual(['frames']);
    expect(split(real('013-richlowe-aarch64-stacks-part2.txt')).sections.map((s) => s.kind)).toEqual(['stacks']);
    expect(split(real('002-rfd96-threadlist-threadnames.txt')).sections.map((s) => s.kind)).toEqual(['threadlist']);
    expect(split(real('023-smartoslive-268-syslog-panic-gp.txt')).sections.map((s) => s.kind)).toEqual(['panic']);
    const s017 = split(real('017-omnios-632-status-stackregs-two-hosts.txt'));
    expect(s017.sections.map((s) => s.kind)).toEqual(['status', 'frames', 'status']);
    expect(s017.classes.get(21)).toBe('prose'); // "second host:"
  });

  it('ends output pasted with no command at a column header, however far indented: no output holds another one', () => {
    // A list item's code block, wrapped at 60: a cut `-v` fragment first (`99 ffffff00076f5c40`
    // alone reads as `/X` rows), then the next CPU's header, cut too. It took the header in.
    const pad = '      ';
    const text = [pad + '                                   99 ffffff00076f5c40', ' sched', pad + ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWIT', 'CH THREAD           PROC'].join('\n');
    expect(split(text).sections.map((s) => [s.kind, s.startLine])).toEqual([
      ['format', 1],
      ['cpuinfo', 3],
    ]);
    // A thread's stack header is no column header: `::threadlist -v` indents one under each row.
    const tl = readFileSync(new URL('../../fixtures/handwritten/stacks/threadlist-v-2018.txt', import.meta.url), 'utf8');
    for (const t of [tl, fold(tl, 64, false)]) expect(split(t).sections.map((s) => s.kind)).toEqual(['threadlist']);
    // Under a typed command an indented line is that output's own, as before.
    const typed = ['> ::cpuinfo -v', '   ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC'].join('\n');
    expect(split(typed).sections.map((s) => [s.kind, s.startLine])).toEqual([['cpuinfo', 1]]);
  });

  it('repeats the previous format for an address typed alone, not the assignment before it', () => {
    const { sections } = split(real('007-wdd-kmdb-switch-cpu-prompt.txt'));
    expect(sections.map((s) => [s.command, s.kind])).toEqual([
      ['3::switch', 'unknown'],
      ['<g3=K', 'format'],
      ['0>g3', 'unknown'],
      ['<g3', 'format'],
    ]);
  });

  it('keeps a register dump that reads a little like words inside its panic section', () => {
    const { sections } = split(real('029-omnios-1613-msgbuf-double-fault-regs.txt'));
    expect(sections.map((s) => [s.kind, s.startLine, s.body.at(-1)!.no])).toEqual([['panic', 1, 19]]);
  });

  it('counts prompt and banner lines as read', () => {
    const { classes } = split(real('009-mdbguide-casestudy-32bit-status-KKn-bufctl_audit.txt'));
    expect(classes.get(1)).toBe('parsed'); // $ mdb unix.1 vmcore.1
    expect(classes.get(2)).toBe('parsed'); // Loading modules: [ ... ]
  });
});

describe('splitting hostile or odd text', () => {
  it('does not take quoted prose for a command', () => {
    const { sections, classes } = split('> I think the dispatcher is fine here.\n> Thanks\n');
    expect(sections).toHaveLength(0);
    expect([...classes.values()]).toEqual(['prose', 'prose']);
  });

  it('reports data-looking lines outside any known output as an unknown section, never as silent prose', () => {
    const { sections } = split('some words\nffffff01d5a600c0 ffffff01d5a600c8 zz\n');
    expect(sections.map((s) => s.kind)).toEqual(['unknown']);
  });
});

describe('the fast lanes for frame lines, thread headers and saved PCs', () => {
  const dirs = ['../../fixtures/real/', '../../fixtures/seed/', '../../fixtures/handwritten/stacks/'].map((d) => new URL(d, import.meta.url));
  const samples = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8')));
  // Lines that look like frames but are something else, or sit where a frame line is not output.
  const intruders = [
    '  1# mdb -ke ::cpuinfo',
    '  ab cafe is a word for a fine day out',
    '',
    '  ',
    '  fffffe00 mdb: x',
    '> ::walk thread | ::findstack -v',
    '# > ::findstack',
    '    ffffff0007e01870 swtch+0x141()',
    // Thread headers and saved PCs, plain and with what take() must see to.
    'stack pointer for thread ffffff0007e01c40: ffffff0007e01850',
    'stack pointer for thread ffffff0007e01c40 (tq:zio): ffffff0007e01850',
    'stack pointer for thread ffffff0007e01c40 (mdb/64): ffffff0007e01850',
    'stack pointer for thread ffffff0007e01c40: ffffff0007e01850  <-- stuck here',
    'stack pointer for thread ffffff0007e01c40: ffffff0007e01850  # the qemu thread',
    'stack pointer for thread ffffff0007e01c40: ffffff0007e01850</pre>',
    'stack pointer for thread ffffff0007e01c40: ffffff0007e01850```',
    'stack pointer for thread ffffff0007e01c40 (a &amp; b): ffffff0007e01850',
    '[ ffffff0007e01850 _resume_from_idle+0xf1() ]',
    '[ ffffff0007e01850 _resume_from_idle+0xf1() ]  # the idle loop',
    '[ ffffff0007e01850 swtch() ]',
    '[ 12:00:01 ] ::findstack -v',
    '[0]> ::findstack',
    '[ a = b() ]',
    'stack pointer for thread ffffff0007e01c40 (sh -c mdb -k): ffffff0007e01850',
    // Quoted lines after a header: the quote stripper must have seen the header as unquoted.
    '> stack pointer for thread ffffff0007e01c40: ffffff0007e01850',
    '> > ::findstack -v',
    '> fine',
  ];

  it('splits exactly as the full checks do, on every sample and with odd lines put in anywhere', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...intruders)), { maxLength: 6 }), (which, inserts) => {
        const lines = samples[which]!.split('\n');
        for (const [at, l] of inserts) lines.splice(at % (lines.length + 1), 0, l);
        const text = lines.join('\n');
        const fast = split(text);
        const full = split(text, false);
        expect(fast.sections).toEqual(full.sections);
        expect([...fast.classes]).toEqual([...full.classes]);
      }),
      { numRuns: 300 },
    );
  });

  it('leave the quote strippers as a line with no quote mark does, right after a prompt', () => {
    // After the prompt, `> fine` is quoted output and `> ffffff0007e01c40` a quoted command again,
    // as the full checks read them; a lane that kept the prompt as the last line read took the
    // address for more quoted output.
    for (const first of ['stack pointer for thread ffffff0007e01c40: ffffff0007e01850', '  ffffff0007e01870 swtch+0x141()']) {
      const text = ['> ::walk thread | ::findstack -v', first, '> fine', '> ffffff0007e01c40'].join('\n');
      const fast = split(text);
      expect(fast.sections.map((s) => [s.command, s.body.map((l) => l.no)])).toEqual([
        ['::walk thread | ::findstack -v', [2, 3]],
        ['ffffff0007e01c40', []],
      ]);
      expect(fast.sections).toEqual(split(text, false).sections);
    }
  });

  it('reads stack output the same with and without them, cut into parts of any length, with odd lines put in among the stacks', () => {
    const walk = samples.filter((t) => t.includes('::findstack') && t.includes('stack pointer for thread'));
    expect(walk.length).toBeGreaterThan(2);
    fc.assert(
      fc.property(fc.nat({ max: walk.length - 1 }), fc.integer({ min: 1, max: 12 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...intruders)), { maxLength: 4 }), (which, partLines, inserts) => {
        const lines = walk[which]!.split('\n');
        // Each odd line goes just after a thread header or a frame: inside a findstack section.
        for (const [at, l] of inserts) {
          const stack = lines.flatMap((t, i) => (t.startsWith('stack pointer for thread ') || /^ {2}[0-9a-f]/.test(t) ? [i + 1] : []));
          lines.splice(stack[at % stack.length]!, 0, l);
        }
        const text = lines.join('\n');
        const fast = split(text, true, partLines);
        const full = split(text, false, partLines);
        expect(fast.sections).toEqual(full.sections);
        expect([...fast.classes]).toEqual([...full.classes]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a prompt wrapped at a space (fold -s, a mail client)', () => {
  const PRINT = '> ffffff01d5a600c0::print kthread_t t_cldata | ::print -a ';
  const OUT = 'ffffff01dde41b90 ts_timeleft = 0xff9b0253';

  it('takes the command words on the next line back into the command', () => {
    const { sections, classes } = split([PRINT, 'tsproc_t ts_timeleft', OUT].join('\n'));
    expect(sections.map((s) => [s.kind, s.command, s.startLine, s.body.map((l) => l.no)])).toEqual([
      ['print', 'ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft', 1, [3]],
    ]);
    expect([...classes]).toEqual([
      [1, 'parsed'],
      [2, 'parsed'],
    ]);
  });

  it('leaves output that follows a prompt ending with a space as output: an address, a symbol with its colon, a header', () => {
    for (const [prompt, first] of [
      ['> ::walk cpu ', 'fffffffffbc486e0'],
      ['> kpreemptpri/D ', 'kpreemptpri:'],
      ['> ::cpuinfo ', ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC'],
    ] as const) {
      const { sections } = split([prompt, first].join('\n'));
      expect(sections[0]!.command).toBe(prompt.slice(2).trim());
      expect(sections[0]!.body.map((l) => l.text)).toEqual([first]);
    }
  });

  it('not when the prompt and the first word of the next line fit in any wrap width (a line a person wrote after a short prompt)', () => {
    for (const [prompt, next] of [
      ['> ::cpuinfo -v ', 'See below'],
      ['> ::threadlist -v ', 'some threads'],
    ] as const) {
      const { sections } = split([prompt, next].join('\n'));
      expect(sections[0]!.command).toBe(prompt.slice(2).trim());
      expect(sections[0]!.body.map((l) => l.text)).toEqual([next]);
    }
    // Wider than 40 together, as a wrap must be: taken back.
    const { sections } = split(['> ffffff01d5a600c0::print kthread_t t_cldata ', 'ts_timeleft'].join('\n'));
    expect(sections[0]!.command).toBe('ffffff01d5a600c0::print kthread_t t_cldata ts_timeleft');
  });

  it('not after a command typed with two trailing spaces (a person, not a wrap)', () => {
    const { sections } = split(['> ::print -a  ', 'tsproc_t'].join('\n'));
    expect(sections[0]!.command).toBe('::print -a');
  });

  it('a prompt cut after its pipe: the next stage, a whole dcmd, on the next line (the space kept or dropped)', () => {
    // The #1532 command cut at 48-54 columns: the print section had only `::print -a tsproc_t
    // ts_timeleft`, so ts_timeleft went to no thread and the #1532 findings were not proven.
    for (const head of ['> ffffff01d5a600c0::print kthread_t t_cldata | ', '> ffffff01d5a600c0::print kthread_t t_cldata |']) {
      const { sections, classes } = split([head, '::print -a tsproc_t ts_timeleft', OUT].join('\n'));
      expect(sections.map((s) => [s.kind, s.command, s.body.map((l) => l.no)])).toEqual([
        ['print', 'ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft', [3]],
      ]);
      expect(classes.get(2)).toBe('parsed');
    }
    // Narrower than a wrap, or not a dcmd after it: left as it was.
    expect(split(['> ::walk cpu |', '::print cpu_t'].join('\n')).sections.map((s) => s.command)).toEqual(['::print cpu_t']);
    // Output after a pipe no stage followed is no stage's: read by its shape, with no command to
    // give it a thread (not the ::print of kthread_t before the pipe).
    const cut = split(['> ffffff01d5a600c0::print kthread_t t_cldata | ', 'ts_timeleft = 0'].join('\n')).sections;
    expect(cut.map((s) => [s.command, s.parsedCommand])).toEqual([['ffffff01d5a600c0::print kthread_t t_cldata |', null]]);
  });
});
