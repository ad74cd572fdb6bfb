// A writer's note after a line of output (`<-- starved`) is taken off and said: left on, it became
// part of the last column (a run-queue thread of process `sched   <-- starved`, CPU 1 running
// process `<-- qemu` while the real name on the next line went unread) or made the line unreadable
// (`ts_timeleft = 0xff9b0253  <== look at this` lost ts-timeleft-overrun).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { splitAnnotation, splitLeadingMark } from '../../src/ingest/annotation.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const base = analyzeText(seed);
/** The seed with `tail` added to the end of line `no`. */
const noted = (no: number, tail: string) => seed.split('\n').map((l, i) => (i === no - 1 ? l + tail : l)).join('\n');
const cpuView = (a: ReturnType<typeof analyzeText>) => a.snapshot.cpus.map((c) => [c.id, c.thread, c.proc, c.runq?.map((q) => [q.pri, q.thread, q.proc])]);

describe('splitAnnotation', () => {
  it('takes off an arrow or a comment mark and what follows, keeping the output before it', () => {
    expect(splitAnnotation('                                   99 ffffff0007e01c40 sched   <-- starved')).toEqual({ text: '                                   99 ffffff0007e01c40 sched', note: '<-- starved' });
    expect(splitAnnotation('ffffff01dde41b90 ts_timeleft = 0xff9b0253 <== this')).toEqual({ text: 'ffffff01dde41b90 ts_timeleft = 0xff9b0253', note: '<== this' });
    expect(splitAnnotation('  ffffff0007e01b90 swtch+0x1e6()  # here')).toEqual({ text: '  ffffff0007e01b90 swtch+0x1e6()', note: '# here' });
    expect(splitAnnotation('0xffffff01dde41b90:             -6618541  // 18 hours')).toEqual({ text: '0xffffff01dde41b90:             -6618541', note: '// 18 hours' });
    expect(splitAnnotation('  1 ffffff01d3e32580 \u2190 this CPU')).toEqual({ text: '  1 ffffff01d3e32580', note: '\u2190 this CPU' });
  });

  it("leaves mdb's own marks, here-documents, macros and lines that are all note", () => {
    for (const l of [
      '            RUNNING <--+    |    +--> PIL THREAD',
      '            RUNNING <--+    +-->  PRI THREAD           PROC',
      '            RUNNING \u2190+    +\u2192  PRI THREAD',
      '# mdb -k <<EOF',
      '> ffffff01d5a600c0$<thread',
      '> <rsp::findstack',
      '<-- this is the one',
      '  cv_wait_sig+0x185(ffffff031615718a, ffffff031615f668)',
      'panic[cpu0]/thread=ffffff0007e01c40: BAD TRAP: type=e (#pf Page fault)',
      '# ::cpuinfo -v',
    ]) {
      expect(splitAnnotation(l), l).toBeNull();
    }
  });
});

describe('splitLeadingMark', () => {
  it('blanks a mark a writer put in the spaces before a line of output, so the columns stay', () => {
    expect(splitLeadingMark('* 1 ffffff01d3e32580  1f    4')).toEqual({ text: '  1 ffffff01d3e32580  1f    4', note: '*' });
    expect(splitLeadingMark('-->           READY                99 ffffff0007e01c40 sched')).toEqual({ text: '              READY                99 ffffff0007e01c40 sched', note: '-->' });
    expect(splitLeadingMark('=> ffffff0007e01b90 swtch+0x1e6()')).toEqual({ text: '   ffffff0007e01b90 swtch+0x1e6()', note: '=>' });
  });

  it('leaves a line with no mark, a mark with no space after it, and a mark alone', () => {
    for (const l of ['  1 ffffff01d3e32580', '*ptr = 0', '-1', '->', '*   ', '---', 'stack pointer for thread ffffff01d5a600c0: ffffff0007f3c9d0']) {
      expect(splitLeadingMark(l), l).toBeNull();
    }
  });
});

describe('the seed with a note after a line', () => {
  it('a run-queue row: the thread keeps its process name, and a note says what was set aside', () => {
    const a = analyzeText(noted(71, '   <-- starved'));
    expect(cpuView(a)).toEqual(cpuView(base));
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual(['line 71: read without the writer\'s note on it ("<-- starved")']);
  });

  it('a ::cpuinfo row: CPU 1 still runs qemu-system-x86_, the wrapped name on the next line read as before', () => {
    const a = analyzeText(noted(67, ' <-- qemu'));
    expect(cpuView(a)).toEqual(cpuView(base));
    expect(a.accounting).toEqual(base.accounting);
  });

  it('a frame of ::findstack -v, which the splitter otherwise takes straight to its section', () => {
    const stackOf = (a: ReturnType<typeof analyzeText>) => a.snapshot.threads.find((t) => t.addr === 'ffffff0007e01c40')?.stack?.map((f) => f.func);
    const a = analyzeText(noted(109, '   <-- parked here'));
    expect(stackOf(a)).toEqual(stackOf(base));
    expect(a.accounting).toEqual(base.accounting);
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual(['line 109: read without the writer\'s note on it ("<-- parked here")']);
  });

  it('a mark before CPU 1\'s row or a queue row: the CPU and its queue are read, and the mark said', () => {
    // Before: `* 1 ffffff01d3e32580 ...` lost CPU 1 and its queue (8 lines unrecognized, no finding).
    for (const [no, mark] of [[67, '*'], [71, '-->']] as const) {
      const a = analyzeText(seed.split('\n').map((l, i) => (i === no - 1 ? mark + l.slice(mark.length) : l)).join('\n'));
      expect(cpuView(a)).toEqual(cpuView(base));
      expect(a.findings.map((f) => [f.rule, f.severity])).toEqual(base.findings.map((f) => [f.rule, f.severity]));
      expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([`line ${no}: read without the writer's note on it ("${mark}")`]);
    }
  });

  it('a note with no mark after a process name: the name is the 16 characters at most before two spaces', () => {
    // Before: the queued thread's process was "sched   (this one is stuck)", with no word said.
    // Line 61 is CPU 0's second queue row, line 68 CPU 1's wrapped name.
    for (const [no, tail] of [[61, '   (this one is stuck)'], [71, '\tstarved'], [68, '  <- the spinner']] as const) {
      const a = analyzeText(noted(no, tail));
      expect(cpuView(a)).toEqual(cpuView(base));
      expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([`line ${no}: read without the writer's note on it (${JSON.stringify(tail.trim())})`]);
    }
  });

  it('a process name with one space in it, or one that is all a name, is left whole', () => {
    for (const tail of [' (this one)', '']) {
      const a = analyzeText(noted(61, tail));
      expect(a.snapshot.threads.find((t) => t.addr === 'ffffff00076fbc40')?.proc).toBe(`sched${tail}`);
      expect(a.notes.filter((n) => n.message.includes("writer's note"))).toEqual([]);
    }
  });

  it('the ::print line: ts_timeleft and its finding come back', () => {
    const a = analyzeText(noted(80, '   <== look at this'));
    expect(a.findings.map((f) => [f.rule, f.severity])).toEqual(base.findings.map((f) => [f.rule, f.severity]));
    expect(a.diagnostics).toEqual([]);
  });
});
