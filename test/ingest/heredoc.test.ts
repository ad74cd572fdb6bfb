// mdb fed its commands by a shell here-document (`mdb -k <<EOF` ... `EOF`), with all the output
// after the terminator and no prompt between: each output recognised by its shape is the first
// queued command's of its kind. The output lines are the seed's, as mdb printed them.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeStream, analyzeText } from '../../src/analyze.ts';
import { outputStartKind } from '../../src/ingest/shapes.ts';
import { readPrompt } from '../../src/ingest/prompt.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8').split('\n');
/** The seed's `::cpuinfo -v` output (lines 52-75), and the two stacks (107-112, 114-119). */
const cpuinfo = seed.slice(51, 75);
const stacks = [...seed.slice(106, 112), ...seed.slice(113, 119)];
const COMMANDS = [
  '::cpuinfo -v',
  'ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft',
  'ffffff01dde41b90/D',
  'ffffff0007e01c40::findstack -v',
  'ffffff0007e1fc40::findstack -v',
];
const OUTPUT = [...cpuinfo, 'ffffff01dde41b90 ts_timeleft = 0xff9b0253', '0xffffff01dde41b90:             -6618541', ...stacks];

describe('a here-document of mdb commands', () => {
  it('reads the shell line as one, with its terminator', () => {
    expect(readPrompt('# mdb -k <<EOF')).toEqual({ type: 'shell', heredoc: { word: 'EOF' } });
    expect(readPrompt("[root@h ~]# mdb -k << 'END'")).toEqual({ type: 'shell', heredoc: { word: 'END' } });
    expect(readPrompt('$ pfexec mdb -k <<-"X"')).toEqual({ type: 'shell', heredoc: { word: 'X' } });
    expect(readPrompt('# mdb -k')).toEqual({ type: 'shell' });
    expect(readPrompt("# cat <<'EOF' | mdb -k")).toEqual({ type: 'shell', heredoc: { word: 'EOF' } });
    expect(readPrompt('cat <<EOF | pfexec mdb -k')).toEqual({ type: 'shell', heredoc: { word: 'EOF' } });
    expect(readPrompt('I ran cat <<EOF | mdb -k')).toBeNull();
  });

  it('gives each output the command that printed it, so the seed reads whole', () => {
    const text = ['Collected with:', '', '# mdb -k <<EOF', ...COMMANDS, 'EOF', ...OUTPUT, '', 'That is all.'].join('\n');
    const a = analyzeText(text);
    // Shell line, 5 commands, terminator, 24 + 1 + 1 + 12 output lines: 45 read; the two sentences
    // and the blank line after each are prose.
    expect(a.accounting).toEqual({ lines: 49, parsed: 45, prose: 4, unrecognized: 0 });
    expect(a.sections.map((s) => [s.command, s.kind, s.startLine])).toEqual([
      [COMMANDS[0], 'cpuinfo', 10],
      [COMMANDS[1], 'print', 34],
      [COMMANDS[2], 'format', 35],
      // The second stack goes on the first's section: each names its thread, which gets it.
      [COMMANDS[3], 'findstack', 36],
    ]);
    for (const [addr, worker] of [['ffffff0007e01c40', 'mac_soft_ring_worker'], ['ffffff0007e1fc40', 'squeue_worker']]) {
      expect(a.snapshot.threads.find((t) => t.addr === addr)?.stack?.map((f) => f.func)).toEqual(['_resume_from_idle', 'swtch', 'cv_wait', worker, 'thread_start']);
    }
    expect(a.findings.map((f) => f.rule).sort()).toEqual(['kpreempt-threshold', 'preemption-pending', 'runq-starvation', 'ts-timeleft-overrun']);
    const running = a.snapshot.threads.find((t) => t.addr === 'ffffff01d5a600c0')!;
    expect(running.tsTimeleft).toBe(-6618541);
  });

  it('streamed in batches of 3 lines, reads as the whole text does', async () => {
    const ls = ['# mdb -k <<EOF', ...COMMANDS, 'EOF', ...OUTPUT];
    async function* batches() {
      for (let i = 0; i < ls.length; i += 3) yield ls.slice(i, i + 3);
    }
    const whole = analyzeText(ls.join('\n'));
    const streamed = await analyzeStream(batches());
    const view = (a: typeof whole) => [a.accounting, a.sections.map((s) => [s.command, s.kind, s.startLine]), a.findings.map((f) => `${f.rule}:${f.severity}`)];
    expect(view(streamed)).toEqual(view(whole));
    expect(whole.findings.map((f) => f.rule)).toContain('ts-timeleft-overrun');
  });

  it('takes `<<-` with tab-indented commands and terminator, and skips a command that printed nothing read', () => {
    const text = ['# mdb -k <<-EOF', '\t::walk cpu', '\tkpreemptpri/D', '\tEOF', 'kpreemptpri:    99'].join('\n');
    const a = analyzeText(text);
    expect(a.accounting).toEqual({ lines: 5, parsed: 5, prose: 0, unrecognized: 0 });
    expect(a.sections.map((s) => s.command)).toEqual(['kpreemptpri/D']);
    expect(a.snapshot.tunables).toEqual({ kpreemptpri: 99 });
  });

  it('gives a format row the command that names its label, in any order', () => {
    const a = analyzeText(['# mdb -k <<EOF', 'hz/D', 'kpreemptpri/D', 'EOF', 'kpreemptpri:', 'kpreemptpri:    99', 'hz:', 'hz:             1000'].join('\n'));
    expect(a.sections.map((s) => [s.command, s.startLine])).toEqual([
      ['kpreemptpri/D', 5],
      ['hz/D', 7],
    ]);
    expect(a.snapshot.tunables).toEqual({ kpreemptpri: 99, hz: 1000 });
  });

  it('gives no ::print output a command when two were given: the output names no thread, so order could give one thread\'s values to another', () => {
    const a = analyzeText(
      ['# mdb -k <<EOF', 'ffffff0007e01c40::print kthread_t t_pri', 'ffffff0007e1fc40::print kthread_t t_pri', 'EOF', 't_pri = 0x63', 't_pri = 0x3b'].join('\n'),
    );
    expect(a.sections.map((s) => s.command)).toEqual([null]);
    expect(a.snapshot.threads).toEqual([]);
    // Each line is an object of its own (a member printed again), each said.
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual(
      [5, 6].map((l) => `line ${l}: ::print output with no command above it shows t_pri: its type and the thread or CPU it belongs to are not shown, so it is not used (paste the command that printed it with it)`),
    );
  });

  it('gives no command to output after a person\'s words, nor reads on when the terminator never comes', () => {
    const after = analyzeText(['# mdb -k <<EOF', 'kpreemptpri/D', 'EOF', 'and on another system:', 'kpreemptpri:    100'].join('\n'));
    expect(after.sections.map((s) => s.command)).toEqual([null]);
    expect(after.snapshot.tunables).toEqual({});
    const cut = analyzeText(['# mdb -k <<EOF', 'kpreemptpri/D', 'The rest of the script was lost.', 'kpreemptpri:    100'].join('\n'));
    expect(cut.accounting).toEqual({ lines: 4, parsed: 3, prose: 1, unrecognized: 0 });
    expect(cut.snapshot.tunables).toEqual({});
  });
});

describe('commands an echo or printf pipes into mdb, one per \\n escape', () => {
  it('reads the shell line as feeding them, or as the one command it feeds', () => {
    expect(readPrompt("# printf '::status\\n::cpuinfo -v\\n' | mdb -k")).toMatchObject({ type: 'shell', fed: [{ command: '::status' }, { command: '::cpuinfo -v' }] });
    expect(readPrompt('$ echo -e "kpreemptpri/D\\nhz/D" | pfexec mdb -k')).toMatchObject({ type: 'shell', fed: [{ command: 'kpreemptpri/D' }, { command: 'hz/D' }] });
    expect(readPrompt("# printf '::cpuinfo -v\\n' | mdb -k")).toMatchObject({ type: 'command', command: '::cpuinfo -v', style: 'shell' });
    // The commands are printf's arguments, not on the line as mdb reads them.
    expect(readPrompt("# printf '%s\\n' ::status ::cpuinfo | mdb -k")).toEqual({ type: 'shell' });
    expect(readPrompt("I ran printf '::status\\n::cpuinfo\\n' | mdb -k")).toBeNull();
  });

  it('gives each output the command that printed it, as a here-document does', () => {
    // Before: the printf line read as a transcript joined by \n escapes (1 unrecognized), and the
    // output after it had no commands.
    const fed = analyzeText([`# printf '${COMMANDS.join('\\n')}\\n' | mdb -k`, ...OUTPUT].join('\n'));
    const here = analyzeText(['# mdb -k <<EOF', ...COMMANDS, 'EOF', ...OUTPUT].join('\n'));
    expect(fed.accounting).toEqual({ lines: 1 + OUTPUT.length, parsed: 1 + OUTPUT.length, prose: 0, unrecognized: 0 });
    expect(fed.sections.map((s) => [s.command, s.kind, s.startLine])).toEqual([
      [COMMANDS[0], 'cpuinfo', 2],
      [COMMANDS[1], 'print', 26],
      [COMMANDS[2], 'format', 27],
      [COMMANDS[3], 'findstack', 28],
    ]);
    expect(fed.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(here.findings.map((f) => `${f.rule}:${f.severity}`));
    expect(fed.snapshot.threads.find((t) => t.addr === 'ffffff01d5a600c0')?.tsTimeleft).toBe(-6618541);
  });
});

/**
 * Left out, and why. 103's `::cpustack -c 0` prints frames as `$c` does, with no frame pointer:
 * under its command they are read, but a here-document's outputs are bound to their commands by
 * shape, and a frame with no address has no shape that tells it from other text.
 */
const NOT_AS_HEREDOC: ReadonlySet<string> = new Set(['103-jlevon-blog-2007-xen-status-cpuinfo-cpustack.txt']);

describe('every real sample of two or more prompted commands, fed as a here-document', () => {
  const dir = new URL('../../fixtures/real/', import.meta.url);
  const summary = (a: ReturnType<typeof analyzeText>) => ({
    threads: a.snapshot.threads.length,
    cpus: a.snapshot.cpus.length,
    tunables: a.snapshot.tunables,
    findings: a.findings.map((f) => `${f.rule}:${f.severity}`).sort(),
  });
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt') && !NOT_AS_HEREDOC.has(f)).sort()) {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const ls = text.split('\n');
    const prompted = analyzeText(text).sections.filter((s) => s.command !== null && ls[s.startLine - 1]!.startsWith('> '));
    if (prompted.length < 2) continue;
    it(`${name} reads as its prompted commands do, with no more lines unread`, () => {
      // The same commands and output, once as typed at the prompt and once commands first.
      const typed = analyzeText(prompted.flatMap((s) => ls.slice(s.startLine - 1, s.endLine)).join('\n'));
      const here = analyzeText(['# mdb -k <<EOF', ...prompted.map((s) => s.command!), 'EOF', ...prompted.flatMap((s) => ls.slice(s.startLine, s.endLine))].join('\n'));
      expect(summary(here)).toEqual(summary(typed));
      expect(here.accounting.unrecognized).toBeLessThanOrEqual(typed.accounting.unrecognized);
    });
  }
});

describe('shapes a here-document\'s output needs', () => {
  it('::print -a of a member and a format row under its address or a tunable start output', () => {
    expect(outputStartKind('ffffff01dde41b90 ts_timeleft = 0xff9b0253')).toBe('print');
    expect(outputStartKind('ffffff01d5a600c8 t_cldata = 0xffffff01dde41b90')).toBe('print');
    expect(outputStartKind('0xffffff01dde41b90:             -6618541')).toBe('format');
    expect(outputStartKind('kpreemptpri:    100')).toBe('format');
    expect(outputStartKind('kpreemptpri:')).toBe('format');
    expect(outputStartKind('t_bound_cpu = 0')).toBe('print');
  });

  it('::panicinfo\'s first row and a ::system line start output', () => {
    expect(outputStartKind('             cpu               10')).toBe('panicinfo');
    expect(outputStartKind('set ufs_ninode=0x9c40 [0t40000]')).toBe('system');
    expect(outputStartKind('            cpu 10')).toBeNull();
    expect(outputStartKind('set -o vi')).toBeNull();
  });

  it('not a person\'s assignment, a label with words, or a label that is no address or tunable', () => {
    expect(outputStartKind('x = 1 and y = 2')).toBeNull();
    expect(outputStartKind('0x70ae3200:     next            addr            slab')).toBeNull();
    expect(outputStartKind('Total:    42')).toBeNull();
    expect(outputStartKind('Total:')).toBeNull();
    expect(outputStartKind('0x70ae3228:')).toBeNull();
    expect(outputStartKind('count = 0')).toBeNull();
    expect(outputStartKind('t_pri = high')).toBeNull();
    expect(outputStartKind('deadbeef: 12')).toBe('format');
  });
});
