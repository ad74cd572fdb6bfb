// The seed pasted the ways people paste it: quoted in a reply, indented by a tab, copied from a
// web page (runs of spaces squeezed), with old-Mac line ends. Each variant is made here from the
// seed text; none is a real sample. Each must read as the seed does.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeStream, analyzeText } from '../../src/analyze.ts';
import { expandTabs, splitLines } from '../../src/ingest/lines.ts';
import { fold as foldText } from '../support/fold.ts';
import { expectedLineCount } from '../fuzz/check.ts';
import { QuoteStripper } from '../../src/ingest/quote.ts';
import { canonicalHeader, rebuildCpuinfoColumns } from '../../src/ingest/cpuinfo-columns.ts';
import { numbered } from '../support/lines.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const lines = seed.split('\n');
const base = analyzeText(seed);
const FINDINGS = ['kpreempt-threshold', 'runq-starvation', 'ts-timeleft-overrun', 'preemption-pending'];
const squeeze = (l: string) => l.replace(/ +/g, ' ');
/** mdb's pager prompt as a script log holds it once a key was read: the prompt, then its erasing. */
const PAGED = '>> More [<space>, <cr>, q, n, c, a] ? ' + '\b'.repeat(38) + ' '.repeat(38) + '\b'.repeat(38);
/** An mdb prompt with a command taken off, as a rendered Markdown quote (`> ::cpuinfo -v`) is copied. */
const dropPrompt = (l: string) => (l.startsWith('> ') && l.trim() !== '>' ? l.slice(2) : l);
/** A line as a web page's source holds it. */
const escapeHtml = (l: string) => l.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** Lines inside `<pre>`...`</pre>` stuck to the first and last line, as a page's source or a saved mail holds them. */
const inPre = (ls: string[]) => ls.map((l, i) => (i === 0 ? '<pre>' : '') + escapeHtml(l) + (i === ls.length - 1 ? '</pre>' : ''));

const variants: Record<string, string> = {
  'quoted with "> "': lines.map((l) => '> ' + l).join('\n'),
  'quoted twice with "> > "': lines.map((l) => '> > ' + l).join('\n'),
  'quoted with ">" and no space': lines.map((l) => '>' + l).join('\n'),
  'quoted at two depths in one reply': lines.map((l, i) => (i < 100 ? '> > ' : '> ') + l).join('\n'),
  'indented by a tab': lines.map((l) => '\t' + l).join('\n'),
  'in a Markdown code block (four spaces)': lines.map((l) => '    ' + l).join('\n'),
  'with runs of spaces turned into tabs (unexpand -a)': lines.map(unexpand).join('\n'),
  // A table's copy (a page or a spreadsheet): each run of spaces one tab, wherever the line was.
  // Expanded at its stops, the ::cpuinfo header happened to be a 32-bit one in place, so no row was read.
  'with each run of spaces one tab (a table copy)': lines.map((l) => l.replace(/ {2,}/g, '\t')).join('\n'),
  'squeezed to single spaces': lines.map(squeeze).join('\n'),
  'squeezed and left-trimmed': lines.map((l) => squeeze(l.trim())).join('\n'),
  'quoted and squeezed': lines.map((l) => '> ' + squeeze(l)).join('\n'),
  'with CR-only line ends': lines.join('\r'),
  'quoted with CRLF line ends': lines.map((l) => '> ' + l).join('\r\n'),
  // A CRLF file converted to CRLF again, and LF CR as some consoles print it: one line end each.
  'with CR CR LF line ends': lines.join('\r\r\n'),
  'with LF CR line ends': lines.join('\n\r'),
  // A web page or mail client: every space a no-break space, or only the runs a browser keeps.
  'with every space a no-break space': lines.map((l) => l.replaceAll(' ', '\u00a0')).join('\n'),
  'with runs of spaces alternating no-break and plain': lines.map((l) => l.replaceAll('  ', '\u00a0 ')).join('\n'),
  'with narrow no-break and figure spaces': lines.map((l) => l.replaceAll('   ', '\u202f\u2007 ')).join('\n'),
  // A terminal capture (`script`): colour on every line, a window title, a cleared line.
  'coloured by a terminal': lines.map((l) => '\x1b[0;32m' + l + '\x1b[0m').join('\n'),
  'with a window title and erased lines': lines.map((l, i) => (i % 7 === 0 ? '\x1b]0;mdb: vmcore.0\x07\x1b[K' : '') + l).join('\n'),
  // Line numbers: `cat -n`, `grep -n` (no space), an editor's gutter.
  'numbered by cat -n': lines.map((l, i) => String(i + 1).padStart(6) + '\t' + l).join('\n'),
  'numbered by grep -n': lines.map((l, i) => `${i + 1}:${l}`).join('\n'),
  'numbered in a gutter': lines.map((l, i) => String(i + 1).padStart(4) + ' | ' + l).join('\n'),
  // Time stamps: `ts`, ISO 8601 from a logging terminal, a bracketed console stamp.
  'time-stamped by ts': lines.map((l) => 'Dec 06 07:12:01 ' + l).join('\n'),
  'time-stamped in ISO 8601': lines.map((l, i) => `2026-12-06T07:12:${String(i % 60).padStart(2, '0')}.5Z ` + l).join('\n'),
  'time-stamped in brackets': lines.map((l) => '[2026-12-06 07:12:01] ' + l).join('\n'),
  'quoted with a bar': lines.map((l) => '| ' + l).join('\n'),
  'numbered, then coloured': lines.map((l, i) => `\x1b[33m${String(i + 1).padStart(6)}\x1b[0m\t${l}`).join('\n'),
  // Escaped HTML: an archived reply (`&gt; ::cpuinfo -v` starts the escaping) and a page's `<pre>`;
  // the `-v` margin's `<--+` and `+-->` come back in both.
  // Autocorrect (a word processor, a mail client, a chat) turned the `::cpuinfo -v` margin's `--` into a dash, or `<--`/`-->` into arrows.
  'with -- autocorrected to en dashes': lines.map((l) => l.replaceAll('--', '\u2013')).join('\n'),
  'with -- autocorrected to em dashes': lines.map((l) => l.replaceAll('--', '\u2014')).join('\n'),
  'with <-- and --> autocorrected to arrows': lines.map((l) => l.replaceAll('<--', '\u2190').replaceAll('-->', '\u2192')).join('\n'),
  // A chat message (Slack): fences stuck to the first and the last line of the paste.
  'in a chat code block with its fences stuck to the text': lines.map((l, i) => (i === 0 ? '```' : '') + l + (i === lines.length - 1 ? '```' : '')).join('\n'),
  // A rendered Markdown page: `> ::cpuinfo -v` became a quote, and its copy is the command alone.
  'with its prompts dropped (copied from a rendered Markdown quote)': lines.map(dropPrompt).join('\n'),
  'with its prompts dropped and squeezed': lines.map((l) => squeeze(dropPrompt(l))).join('\n'),
  // A `script` log of the session: CRLF, a typo backspaced over (`BS space BS`), and each command
  // completed with Tab, which makes mdb go back over the line, clear it and write it again.
  'in a script log, typed with a backspace and Tab completion': lines
    .map((l) => (l.startsWith('> ') ? `${l.slice(0, 5)}q\b \b${l.slice(5)}${'\b'.repeat(l.length)}\x1b[K${l}` : l) + '\r')
    .join('\n'),
  // The same log of a long output: mdb's pager prompt, erased once a key is read, before every
  // 7th line (mdb_io.c: 38 backspaces, 38 spaces, 38 backspaces, and the output goes on).
  'in a script log, paged by mdb': lines.map((l, i) => (i % 7 === 6 ? PAGED + l : l)).join('\n'),
  // A page's source or an export that ends every line with an HTML line break.
  'with <br /> ending every line': lines.map((l) => l + '<br />').join('\n'),
  'escaped as HTML with <br> ending every line': lines.map((l) => escapeHtml(l) + '<BR>').join('\n'),
  // A word processor or mail client curled the quotes of the shell lines that ran mdb.
  "run by mdb -ke with its quotes curled": lines.map((l) => (l.startsWith('> ') ? `# mdb -ke \u2018${l.slice(2)}\u2019` : l)).join('\n'),
  "fed by echo with its quotes curled": lines.map((l) => (l.startsWith('> ') ? `# echo \u201c${l.slice(2)}\u201d | mdb -k` : l)).join('\n'),
  'escaped as HTML': lines.map(escapeHtml).join('\n'),
  'escaped as HTML inside <pre>': inPre(lines).join('\n'),
};

describe('the seed in every paste form', () => {
  it('the plain seed gives its four findings (the reference)', () => {
    expect(base.findings.map((f) => f.rule)).toEqual(FINDINGS);
  });
  for (const [name, text] of Object.entries(variants)) {
    it(name, () => {
      const a = analyzeText(text);
      expect(a.findings.map((f) => f.rule)).toEqual(FINDINGS);
      expect(a.accounting).toEqual(base.accounting);
      expect(a.diagnostics).toEqual([]);
      expect(a.sections.map((s) => [s.kind, s.command, s.startLine, s.endLine, s.status])).toEqual(
        base.sections.map((s) => [s.kind, s.command, s.startLine, s.endLine, s.status]),
      );
      // Every CPU, flag name, PIL thread and queued thread comes back, from the same lines.
      expect(a.snapshot.cpus).toEqual(base.snapshot.cpus);
    });
  }

  // The stream path tests each line for escapes and Unicode spaces; analyzeText tests the whole text once.
  for (const name of ['with every space a no-break space', 'coloured by a terminal', 'numbered by cat -n', 'time-stamped by ts']) {
    it(`${name}, streamed`, async () => {
      async function* batches() {
        yield variants[name]!.split('\n');
      }
      const a = await analyzeStream(batches());
      expect(a.findings.map((f) => f.rule)).toEqual(FINDINGS);
      expect(a.accounting).toEqual(base.accounting);
      expect(a.snapshot.cpus).toEqual(base.snapshot.cpus);
    });
  }
});

describe('the seed hard-wrapped at a fixed width (a terminal copy, fold)', () => {
  /** What `fold -w` does: every line longer than w cut into pieces of w characters. */
  const fold = (w: number) => foldText(seed, w, false);
  const cpuView = (a: ReturnType<typeof analyzeText>) =>
    a.snapshot.cpus.map((c) => [c.id, c.thread, c.proc, c.pri, c.switchTicks, c.runq?.map((q) => [q.pri, q.thread, q.proc]), c.pil.map((p) => [p.pil, p.thread]), c.pinned?.thread]);

  for (const w of [64, 72, 76, 80]) {
    it(`at ${w} columns: the same CPUs, threads and findings`, () => {
      const a = analyzeText(fold(w));
      expect(cpuView(a)).toEqual(cpuView(base));
      expect(a.findings.map((f) => [f.rule, f.severity])).toEqual(base.findings.map((f) => [f.rule, f.severity]));
      // What stays unread is said: the ::print prompt cut inside a member name, a URL cut in two.
      expect(a.accounting.unrecognized).toBe(a.diagnostics.length);
    });
  }
});

describe('the seed word-wrapped at a space (fold -s, a mail client)', () => {
  const foldS = (w: number) => foldText(seed, w, true);
  const cpuView = (a: ReturnType<typeof analyzeText>) =>
    a.snapshot.cpus.map((c) => [c.id, c.thread, c.proc, c.pri, c.switchTicks, c.runq?.map((q) => [q.pri, q.thread, q.proc]), c.pil.map((p) => [p.pil, p.thread]), c.pinned?.thread]);

  // Before: 60 and 64 read no CPU; 72 and 76 read broken rows and said 'Findings: none'.
  for (const w of [60, 64, 72, 76, 80]) {
    it(`at ${w} columns: the same CPUs, ts_timeleft and findings`, () => {
      const a = analyzeText(foldS(w));
      expect(cpuView(a)).toEqual(cpuView(base));
      expect(a.snapshot.threads.find((t) => t.addr === 'ffffff01d5a600c0')?.tsTimeleft).toBe(-6618541);
      expect(a.findings.map((f) => [f.rule, f.severity])).toEqual(base.findings.map((f) => [f.rule, f.severity]));
      // What stays unread is said (a URL cut where it had no space).
      expect(a.accounting.unrecognized).toBe(a.diagnostics.length);
    });
  }
});

describe('quote markers', () => {
  const strip = (ls: string[]) => {
    const q = new QuoteStripper();
    return ls.map((l) => q.strip(l));
  };

  it('keeps an unquoted prompt and an empty prompt as they are', () => {
    expect(strip(['> ::cpuinfo -v', ' ID ADDR', '>', '> '])).toEqual(['> ::cpuinfo -v', ' ID ADDR', '>', '> ']);
  });

  it('tells a quoted prompt from quoted output by what follows the last marker', () => {
    expect(strip(['> > ::cpuinfo -v', '>  ID ADDR', '>   0 fffffffffbc486e0', '>', '> text'])).toEqual([
      '> ::cpuinfo -v',
      ' ID ADDR',
      '  0 fffffffffbc486e0',
      '',
      'text',
    ]);
  });

  it('reads a line of output that looks like a command as output, once the quote showed its prompts one marker deeper', () => {
    // A whole session quoted: `> > kpreemptpri::print -d` is a prompt, so `> 0t100` is its output
    // (an address alone is also mdb's way to repeat a command). It used to end the quote and be a prompt.
    expect(strip(['> > kpreemptpri::print -d', '> 0t100', '> > hz::print', '> 0x64'])).toEqual([
      '> kpreemptpri::print -d',
      '0t100',
      '> hz::print',
      '0x64',
    ]);
    expect(strip(['> > > hz::print', '> > 0x64'])).toEqual(['> hz::print', '0x64']);
  });

  it("reads an address alone as output where the quote put its prompts at the output's level", () => {
    // `> ::walk thread` inside a quoted run, or quoted output right after `> ::cmd`: the prompts
    // carry no marker of their own, and `> ffffff0007e01c40` is a line of output, not a repeat.
    expect(strip(['> As you asked:', '> ::walk thread', '> ffffff0007e01c40', '> fffffe5a3c0e6020', '> ::cpuinfo'])).toEqual([
      'As you asked:',
      '> ::walk thread',
      'ffffff0007e01c40',
      'fffffe5a3c0e6020',
      '> ::cpuinfo',
    ]);
    expect(strip(['> hz::print -d', '> 0t100', '> kpreemptpri::print', '> 0x64'])).toEqual(['> hz::print -d', '> 0t100', '> kpreemptpri::print', '> 0x64']);
    expect(strip(['> ::pgrep qemu', '> S    PID', '> ::walk thread', '> ffffff0007e01c40'])).toEqual(['> ::pgrep qemu', 'S    PID', '> ::walk thread', 'ffffff0007e01c40']);
    // Unquoted, an address typed alone after a command is mdb's repeat, as before; an empty
    // prompt after a command is mdb's own and says nothing of quoting.
    expect(strip(['> ::walk thread', 'ffffff0007e01c40', '> ffffff0007e01c40'])).toEqual(['> ::walk thread', 'ffffff0007e01c40', '> ffffff0007e01c40']);
    expect(strip(['> ::cpuinfo', '>', '> 0x64'])).toEqual(['> ::cpuinfo', '>', '> 0x64']);
  });

  it('reads an address alone inside a quoted run as output: the rest of a row a wrap cut before the quote', () => {
    // 1532-no-stacks folded at 70 and quoted: `... t-6620600 ffffff01d5` + `a600c0 `. The `> a600c0`
    // ended the quote and opened a section of its own; CPU 1 lost its thread and every finding went.
    const row = '  1 ffffff01d3e32580  1f    4    0   0  yes    no t-6620600 ffffff01d5';
    const q = new QuoteStripper();
    expect([q.strip('> Here:'), q.strip('> ' + row), q.strip('> a600c0 ', true), q.strip('> qemu-system-x86_')]).toEqual(['Here:', row, 'a600c0 ', 'qemu-system-x86_']);
    // After a line no wrap cut, or outside a quoted run, it is still mdb repeating the last command.
    expect(strip(['> Here:', '> ' + row, '> a600c0'])).toEqual(['Here:', row, '> a600c0']);
    expect(strip(['> ::walk thread', '> a600c0'])).toEqual(['> ::walk thread', '> a600c0']);
  });

  it('reads a prompt cut at its pipe as a prompt, not a quote mark before a command', () => {
    // In a list item's code block, the second stripper reads past the indent: `> ADDR::print ... | `
    // (its next stage on the next line) is no whole command, and lost its prompt to a quote.
    const q = new QuoteStripper();
    expect(q.strip('> ffffff01d5a600c0::print kthread_t t_cldata | ')).toBe('> ffffff01d5a600c0::print kthread_t t_cldata | ');
    const text = ['* output:', '', '      > ffffff01d5a600c0::print kthread_t t_cldata | ', '::print -a tsproc_t ts_timeleft', '      ffffff01dde41b90 ts_timeleft = 0xff9b0253', ''].join('\n');
    const a = analyzeText(text);
    expect(a.sections.map((s) => s.command)).toEqual(['ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft']);
    expect(a.snapshot.threads.find((t) => t.addr === 'ffffff01d5a600c0')?.tsTimeleft).toBe(-6618541);
  });

  it('keeps the spaces of a reply quoted with ">" alone, once a line shows that style', () => {
    expect(strip(['>Hello', '>> ::cpuinfo -v', '> ID ADDR', '>  0 fff'])).toEqual(['Hello', '> ::cpuinfo -v', ' ID ADDR', '  0 fff']);
  });

  it('does not take the pager prompt for a quote', () => {
    expect(strip(['>> More [<space>, <cr>, q, n, c, a] ?'])).toEqual(['>> More [<space>, <cr>, q, n, c, a] ?']);
  });
});

describe('line ends', () => {
  it('the stream path cuts lone CRs as the full path does', async () => {
    const text = lines.slice(40, 130).join('\r') + '\r\n' + lines.slice(130).join('\n');
    // A stream reader cuts at LF only: the CR-only part arrives as one piece.
    async function* batches() {
      yield text.split('\n');
    }
    const s = await analyzeStream(batches());
    const f = analyzeText(text);
    expect(s.accounting).toEqual(f.accounting);
    expect(s.lines).toEqual(f.lines);
    expect(s.findings.map((x) => x.rule)).toEqual(FINDINGS);
  });

  it('cuts at LF, CRLF and a lone CR alike, with no line after a final terminator', () => {
    expect(splitLines('a\rb\r')).toEqual(['a', 'b']);
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('x\r\ry')).toEqual(['x', '', 'y']);
    expect(splitLines('\r')).toEqual(['']);
  });

  it('counts CRs next to an LF as part of its line end, as vim, less and grep -n count lines', () => {
    expect(splitLines('a\r\r\nb')).toEqual(['a', 'b']);
    expect(splitLines('a\n\rb\n\rc')).toEqual(['a', 'b', 'c']);
    // A blank line in either form stays one blank line.
    expect(splitLines('a\r\r\n\r\r\nb')).toEqual(['a', '', 'b']);
    expect(splitLines('a\n\r\n\rb')).toEqual(['a', '', 'b']);
    // A CR at the very start has no LF before it: it ends an empty first line.
    expect(splitLines('\ra\nb')).toEqual(['', 'a', 'b']);
    // Lone CRs inside a piece still end lines.
    expect(splitLines('a\n\rb\rc\r\r\n')).toEqual(['a', 'b', 'c']);
  });

  it('gives as many lines as the fuzzer counts (written apart, as a count of line ends), on any mix of CR and LF', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\n\r', '\r\r\n'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(splitLines(text)).toHaveLength(expectedLineCount(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('the stream path cuts CRs next to an LF as the full path does, whatever the batches', async () => {
    const text = lines.slice(0, 60).join('\n\r') + '\n\r' + lines.slice(60).join('\r\r\n');
    const pieces = text.split('\n');
    async function* batches() {
      // Batches of 7 pieces: a piece that starts with a CR is sometimes a batch's first.
      for (let i = 0; i < pieces.length; i += 7) yield pieces.slice(i, i + 7);
    }
    const s = await analyzeStream(batches());
    const f = analyzeText(text);
    expect(f.accounting).toEqual(base.accounting);
    expect(s.accounting).toEqual(f.accounting);
    expect(s.lines).toEqual(f.lines);
  });
});

describe('rebuilding ::cpuinfo columns', () => {
  const src = numbered;

  it('puts a squeezed -v block back where mdb prints it', () => {
    const out = rebuildCpuinfoColumns(
      src([
        ' ID ADDR FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD PROC',
        ' 0 fffffffffbc486e0 1b 5 0 108 no no t-0 ffffff00076cbc40 sched',
        ' | | |',
        ' RUNNING <--+ | +--> PIL THREAD',
        ' READY | 9 ffffff00076cbc40',
      ]),
    ).map((l) => l.text);
    expect(out).toEqual([
      canonicalHeader(16),
      '  0 fffffffffbc486e0  1b    5    0 108   no    no t-0    ffffff00076cbc40 sched',
      '                       |    | |',
      '            RUNNING <--+    | +--> PIL THREAD',
      '              READY         | 9 ffffff00076cbc40',
    ]);
  });

  it('leaves a block under a header in place untouched (the same array)', () => {
    const body = src([canonicalHeader(16), '  0 fffffffffbc486e0  1b    0    0  -1   no    no t-0    ffffff0007605c40 (idle)']);
    expect(rebuildCpuinfoColumns(body)).toBe(body);
  });

  it('takes the address width from the rows, not the squeezed header (11 digits on aarch64)', () => {
    const out = rebuildCpuinfoColumns(src(['ID ADDR FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD PROC', '0 fffffc00b2a 1b 0 0 -1 no no t-3 fffffc00b2b (idle)']));
    expect(out[0]!.text).toBe(canonicalHeader(11));
    expect(out[1]!.text).toBe('  0 fffffc00b2a  1b    0    0  -1   no    no t-3    fffffc00b2b (idle)');
  });
});

/** What `unexpand -a` does: a run of two or more spaces that reaches a tab stop (every 8 columns) becomes a tab. */
function unexpand(l: string): string {
  let out = '';
  let col = 0;
  let run = 0;
  for (const ch of l) {
    col++;
    if (ch !== ' ') {
      out += ' '.repeat(run) + ch;
      run = 0;
      continue;
    }
    run++;
    if (col % 8 === 0) {
      out += run > 1 ? '\t' : ' ';
      run = 0;
    }
  }
  return out + ' '.repeat(run);
}

describe('every real sample, in every paste form below, reads as it does plain', () => {
  const dir = new URL('../../fixtures/real/', import.meta.url);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    it(name, () => {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const plain = analyzeText(text);
      const ls = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
      const forms = [
        ls.map((l) => '> ' + l),
        ls.map((l) => l.replaceAll('  ', '\u00a0 ')),
        ls.map((l, i) => String(i + 1).padStart(6) + '\t' + l),
        ls.map((l) => 'Dec 06 07:12:01 ' + l),
        ls.map((l) => '\x1b[32m' + l + '\x1b[0m'),
        ls.map((l) => '| ' + l),
        inPre(ls),
        // A Markdown code block (GitHub, Stack Overflow): every line indented by four spaces; a
        // fenced block in a list item by three, reStructuredText or a mail client by two to eight.
        // (Before: all but four lost 010's and 019's thread, with 12 and 4 lines unrecognized.)
        ...[2, 3, 4, 6, 8].map((n) => ls.map((l) => ' '.repeat(n) + l)),
        // An editor that strips trailing blanks.
        ls.map((l) => l.trimEnd()),
        // A copy that turned runs of spaces into tabs at their tab stops (`unexpand -a`, some terminals and editors).
        ls.map(unexpand),
        // Autocorrect: `--` to an en dash, `<--` and `-->` to arrows.
        ls.map((l) => l.replaceAll('--', '\u2013')),
        ls.map((l) => l.replaceAll('<--', '\u2190').replaceAll('-->', '\u2192')),
        // A chat code block: the fences stuck to the first and last line.
        ls.map((l, i) => (i === 0 ? '```' : '') + l + (i === ls.length - 1 ? '```' : '')),
        // A rendered Markdown quote: the mdb prompt's `> ` gone, the command left at column 0.
        ls.map(dropPrompt),
        // A script log: a typo backspaced over on every command line.
        ls.map((l) => (l.startsWith('> ') && l.length > 4 ? `${l.slice(0, 4)}q\b \b${l.slice(4)}` : l)),
        // A script log paged by mdb: the pager prompt and its erasing before every 7th line.
        ls.map((l, i) => (i % 7 === 6 ? PAGED + l : l)),
      ];
      for (const variant of [...forms.map((f) => f.join('\n')), ls.join('\r')]) {
        const a = analyzeText(variant);
        expect(a.accounting).toEqual(plain.accounting);
        expect(a.diagnostics.map((d) => d.line)).toEqual(plain.diagnostics.map((d) => d.line));
        expect(a.records.map((r) => [r.kind, r.line])).toEqual(plain.records.map((r) => [r.kind, r.line]));
      }
    });
  }
});

describe('expandTabs', () => {
  it('puts each tab out to the next stop of 8 columns, wherever the line had reached', () => {
    expect(expandTabs('\t\t ffff')).toBe(' '.repeat(17) + 'ffff');
    expect(expandTabs('ab\tc')).toBe('ab      c');
    expect(expandTabs('12345678\tx')).toBe('12345678        x');
    expect(expandTabs('no tab')).toBe('no tab');
  });
});

describe('indentation a copy took away or added, in samples other than the seed', () => {
  const fixture = (p: string) => readFileSync(new URL(`../../fixtures/${p}`, import.meta.url), 'utf8');
  const threadView = (a: ReturnType<typeof analyzeText>) => a.snapshot.threads.map((t) => [t.addr, t.pri, (t.stack ?? []).map((f) => f.func)]);

  it('::threadlist -v with its indent stripped or its spaces squeezed: each thread keeps its stack, one section', () => {
    const text = fixture('handwritten/stacks/threadlist-v-2018.txt');
    const plain = analyzeText(text);
    // Before: the first `stack pointer for thread` at column 0 ended the threadlist and began a
    // ::findstack section, where the next two rows and PC lines were 4 unrecognized lines.
    for (const form of [text.split('\n').map((l) => l.trimStart()), text.split('\n').map(squeeze)]) {
      const a = analyzeText(form.join('\n'));
      expect(a.sections.map((s) => [s.kind, s.startLine, s.endLine])).toEqual([['threadlist', 1, 28]]);
      expect(a.accounting).toEqual(plain.accounting);
      expect(threadView(a)).toEqual(threadView(plain));
    }
    // A plain ::threadlist (no -v) prints no stacks: a findstack after it is its own output.
    const two = analyzeText(['            ADDR             PROC              LWP CMD/LWPID', 'ffffff0007e01c40 fffffffffbc2ea80                0 sched/1', 'stack pointer for thread ffffff0007e01c40: ffffff0007e01b60', '[ ffffff0007e01b60 _resume_from_idle+0xf1() ]', '  swtch+0x1e6()'].join('\n'));
    expect(two.sections.map((s) => [s.kind, s.startLine])).toEqual([['threadlist', 1], ['findstack', 3]]);
  });

  it('::thread -ipb with no command, indented by a block, squeezed too: its header says how far mdb indented it', () => {
    const text = fixture('handwritten/stacks/thread-ipb.txt');
    const plain = analyzeText(text);
    const rows = (a: ReturnType<typeof analyzeText>) => a.records.map((r) => (r.kind === 'thread' ? [r.addr, r.state, r.columns] : r.kind));
    // `%?s` put 12 spaces before ADDR, a squeezing copy 1: the block's own indent is what is left.
    for (const form of [(l: string) => '  ' + l, (l: string) => '   ' + l, (l: string) => '    ' + squeeze(l), (l: string) => '  ' + squeeze(l)]) {
      const a = analyzeText(text.split('\n').map((l) => (l === '' ? l : form(l))).join('\n'));
      expect(a.accounting).toEqual(plain.accounting);
      expect(rows(a)).toEqual(rows(plain));
    }
  });

  it('an excerpt that starts mid-output, indented four spaces as a Markdown code block, reads as it does plain', () => {
    const text = fixture('handwritten/triage/1532-no-stacks.txt');
    const plain = analyzeText(text);
    const a = analyzeText(text.split('\n').map((l) => (l === '' ? l : '    ' + l)).join('\n'));
    // Before: the queue rows it starts with opened output no grammar reads, and the ::cpuinfo
    // header after them stayed inside it: no CPU, no finding, 14 lines unrecognized.
    expect(a.sections.map((s) => [s.kind, s.startLine, s.endLine])).toEqual(plain.sections.map((s) => [s.kind, s.startLine, s.endLine]));
    expect(a.accounting).toEqual(plain.accounting);
    expect(a.findings.map((f) => [f.rule, f.severity])).toEqual(plain.findings.map((f) => [f.rule, f.severity]));
  });

  it('C quoted in a reply is prose: `> (best != NULL && ...)) {` is no command with an address `(best`', () => {
    const text = fixture('handwritten/not-mdb/c-excerpt-dispatcher.txt');
    const a = analyzeText(text.split('\n').map((l) => '> ' + l).join('\n'));
    expect(a.sections).toEqual([]);
    expect(a.accounting.unrecognized).toBe(0);
  });
});
