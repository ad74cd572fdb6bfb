// `::cpustack` prints a CPU's stack from its saved registers as $c (or $C with -v) prints a
// thread's. The frames are read; they are given to no thread, since what a CPU was running may be
// an interrupt over the thread cpu_thread names, and a note says so. Before (real sample 103, John
// Levon's 2007 Xen post): its 31 frame lines were "no grammar reads output of ::cpustack -c 0".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';

const sample = readFileSync(new URL('../../fixtures/real/103-jlevon-blog-2007-xen-status-cpuinfo-cpustack.txt', import.meta.url), 'utf8');

describe('::cpustack', () => {
  it('reads the frames and gives them to no thread, with a note', () => {
    const a = analyzeText(sample);
    const s = a.sections.find((x) => x.command === '::cpustack -c 0');
    expect(s).toMatchObject({ kind: 'frames', startLine: 24, endLine: 55, status: 'ok' });
    expect(a.diagnostics.some((d) => d.line >= 24 && d.line <= 55)).toBe(false);
    // The one thread is CPU 0's (from ::cpuinfo), and it has no stack.
    expect(a.snapshot.threads.map((t) => [t.addr, t.stack])).toEqual([['ffffff00010bfc80', null]]);
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([
      "line 25: `::cpustack -c 0` shows a CPU's stack from its saved registers, which may be an interrupt's over the thread the CPU runs, so it is not given to any thread: `ADDR::findstack -v` of the CPU's thread (::cpuinfo) gives that thread's",
    ]);
  });

  it('in a dump with a panic, the panic thread does not take a CPU stack as its own', () => {
    const text = ['panic[cpu0]/thread=ffffff0007a05c40: deadman: timed out', '', '> ::cpustack -c 1', 'ffffff0007a0bb00 cbe_fire+0x5c()', 'ffffff0007a0bb40 av_dispatch_autovect+0x8c(102)'].join('\n');
    const a = analyzeText(text);
    expect(a.diagnostics).toEqual([]);
    expect(a.snapshot.threads.every((t) => t.stack === null)).toBe(true);
  });
});
