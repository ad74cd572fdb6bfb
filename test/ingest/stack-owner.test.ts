// Which thread a `$C`/`::stack` block belongs to: the one it names, the panic thread, or none when
// it was printed at a `[N]>` prompt (kmdb's, and a bhyve guest debugger's) with no panic in sight.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { readPrompt } from '../../src/ingest/prompt.ts';

const read = (name: string) => analyzeText(readFileSync(new URL(`../../fixtures/handwritten/reading/${name}`, import.meta.url), 'utf8'));
const funcs = (a: ReturnType<typeof read>, addr: string | null) => a.snapshot.threads.find((t) => t.addr === addr)?.stack?.map((f) => f.func);
const modelNotes = (a: ReturnType<typeof read>) => a.notes.filter((n) => n.rule === 'model');

describe('prompt style', () => {
  it('tells mdb, kmdb and shell prompts apart', () => {
    const style = (l: string) => {
      const p = readPrompt(l);
      return p?.type === 'command' ? p.style : null;
    };
    expect(['> $C', '[0]> $C', '[3]: $C', '# mdb -ke "::cpuinfo -v"', 'text'].map(style)).toEqual(['mdb', 'kmdb', 'kmdb', 'shell', null]);
  });
});

describe('stack owners in an mdb session', () => {
  const a = read('stacks-attach.txt');

  it('reads every line', () => {
    expect(a.accounting).toEqual({ lines: 15, parsed: 15, prose: 0, unrecognized: 0 });
  });

  it('gives a bare $C to the panic thread of ::panicinfo', () => {
    expect(funcs(a, 'ffffff0007a05c40')).toEqual(['zfs_znode_free', 'zfs_inactive', 'fop_inactive']);
    expect(a.snapshot.threads.find((t) => t.addr === 'ffffff0007a05c40')!.lines['stack']).toBe(6);
  });

  it('gives ADDR::stack and ADDR$C to the thread they name', () => {
    expect(funcs(a, 'ffffff01cfa6d7c0')).toEqual(['swtch', 'cv_wait', 'taskq_thread_wait']);
    expect(funcs(a, 'ffffff01d5a600c0')).toEqual(['swtch', 'sema_p']);
  });

  it('makes no thread without an address, and notes nothing', () => {
    expect(a.snapshot.threads.map((t) => t.addr).sort()).toEqual(['ffffff0007a05c40', 'ffffff01cfa6d7c0', 'ffffff01d5a600c0']);
    expect(modelNotes(a)).toEqual([]);
  });
});

describe('a [0]> stack with no panic (possibly a bhyve guest)', () => {
  const a = read('kmdb-guest-stack.txt');

  it('reads the stack lines but makes no null-address thread of the bare $C', () => {
    expect(a.accounting).toEqual({ lines: 10, parsed: 8, prose: 2, unrecognized: 0 });
    expect(a.snapshot.panic).toBeNull();
    expect(a.snapshot.threads.some((t) => t.addr === null)).toBe(false);
    expect(a.snapshot.threads.some((t) => t.stack?.some((f) => f.func === 'mach_cpu_idle'))).toBe(false);
  });

  it('says so in a note pointing at the stack', () => {
    const n = modelNotes(a);
    expect(n).toHaveLength(1);
    expect(n[0]!.message).toMatch(/^line 4: a stack printed at a `\[N\]>` prompt names no thread/);
  });

  it('still attaches a [0]> stack that names its thread', () => {
    expect(a.snapshot.threads.map((t) => t.addr)).toEqual(['ffffff000f4efc40']);
    expect(funcs(a, 'ffffff000f4efc40')).toEqual(['swtch', 'cv_wait']);
  });
});

describe('a [0]> stack after a console panic', () => {
  const a = read('kmdb-panic-stack.txt');

  it('belongs to the panic thread', () => {
    expect(a.snapshot.panic).toMatchObject({ cpu: 0, thread: 'ffffff000f4f5c40' });
    expect(funcs(a, 'ffffff000f4f5c40')).toEqual(['kmdb_enter', 'debug_enter', 'panicsys', 'vpanic']);
    expect(a.snapshot.threads).toHaveLength(1);
    expect(modelNotes(a)).toEqual([]);
  });
});

describe('a bare > $C with no panic keeps today\'s behaviour', () => {
  it('becomes a thread with no address: only a [N]> prompt is held back', () => {
    const a = analyzeText('> $C\nffffff0007c1bc20 swtch+0x141()\nffffff0007c1bc60 sema_p+0x1d9(ffffff01d5a60100)\n');
    expect(funcs(a, null)).toEqual(['swtch', 'sema_p']);
    expect(modelNotes(a)).toEqual([]);
  });
});
