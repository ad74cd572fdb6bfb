// Merging records from several sections into one snapshot (hand-written transcripts, as mdb prints them).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../src/analyze.ts';

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('snapshot building', () => {
  it('reads tunables from /D with a symbol label and from ::system', () => {
    const a = analyzeText(
      lines('> kpreemptpri/D', 'kpreemptpri:', 'kpreemptpri:    100             ', '> ::system', 'set hz=0x3e8 [0t1000]', 'set ufs_ninode=0x9c40 [0t40000]'),
    );
    expect(a.snapshot.tunables).toEqual({ kpreemptpri: 100, hz: 1000 });
    expect(a.snapshot.tunableLines).toEqual({ kpreemptpri: 3, hz: 5 });
    expect(a.accounting.unrecognized).toBe(0);
  });

  it('gives a whole tsproc_t to the thread named by its ts_tp, and a later /D of that address too', () => {
    const a = analyzeText(
      lines(
        '> ffffff01dde41b90::print tsproc_t',
        '{',
        '    ts_timeleft = 0xfffffffe',
        '    ts_dispwait = 0x2',
        '    ts_flags = 0',
        '    ts_tp = 0xffffff01d5a600c0',
        '}',
        '> ffffff01dde41b90/D',
        '0xffffff01dde41b90:             -7              ',
      ),
    );
    const t = a.snapshot.threads.find((x) => x.addr === 'ffffff01d5a600c0')!;
    expect(t.cldata).toBe('ffffff01dde41b90');
    expect(t.tsDispwait).toBe(2);
    expect(t.tsTimeleft).toBe(-7);
    expect(t.lines['tsTimeleft']).toBe(9);
  });

  it('reads kthread_t members by their C types', () => {
    const a = analyzeText(
      lines(
        '> ffffff0007e01c40::print -t kthread_t t_pri t_epri t_state t_bind_cpu t_disp_time',
        'pri_t t_pri = 0x63',
        'pri_t t_epri = 0',
        'uint_t t_state = 0x2',
        'processorid_t t_bind_cpu = 0x1',
        'clock_t t_disp_time = 0x64f2a1',
      ),
    );
    const t = a.snapshot.threads[0]!;
    expect(t).toMatchObject({ addr: 'ffffff0007e01c40', pri: 99, epri: 0, state: 'run', bindCpu: 1, boundCpu: null, dispTime: 0x64f2a1 });
    expect(t.lines).toMatchObject({ pri: 2, state: 4, bindCpu: 5 });
  });

  it('gives a $C stack printed at a panic to the panic thread', () => {
    const a = analyzeText(
      lines(
        '> $C',
        'ffffd001f2b38cf0 mutex_owner_running+0xd()',
        'ffffd001f2b38d30 zfs_znode_free+0x37(ffffd065493b0008)',
        '> ::panicinfo',
        '             cpu               10',
        '          thread ffffd0654dfb6840',
        '         message BAD TRAP: type=d (#gp General protection) rp=ffffd001f2b38b90 addr=0',
      ),
    );
    expect(a.snapshot.panic).toMatchObject({ cpu: 10, thread: 'ffffd0654dfb6840' });
    const t = a.snapshot.threads.find((x) => x.addr === 'ffffd0654dfb6840')!;
    expect(t.stack!.map((f) => f.func)).toEqual(['mutex_owner_running', 'zfs_znode_free']);
  });

  it('keeps a stack with no known owner on a thread with a null address', () => {
    const a = analyzeText(lines('ffffff007b650b50 mutex_enter+0xb()', 'ffffff007b650b80 kmem_cache_reap_now+0x18(40000000)'));
    expect(a.snapshot.threads).toHaveLength(1);
    expect(a.snapshot.threads[0]!.addr).toBeNull();
    expect(a.snapshot.threads[0]!.stack).toHaveLength(2);
  });

  it('gives each ::stacks -a member its group state, sync object and count', () => {
    const a = analyzeText(
      lines(
        '> ::stacks -a',
        'THREAD           STATE    SOBJ                COUNT',
        'ffffff0007e01c40 RUN      <NONE>                  2',
        'ffffff0007e07c40 RUN      <NONE>                  -',
        '                 swtch+0x1e6',
        '                 cv_wait+0x7f',
        '                 mac_soft_ring_worker+0xc5',
        '                 thread_start+8',
        '',
      ),
    );
    expect(a.snapshot.threads.map((t) => [t.addr, t.state, t.sobj, t.groupCount, t.stack?.length])).toEqual([
      ['ffffff0007e01c40', 'run', '<NONE>', 2, 4],
      ['ffffff0007e07c40', 'run', '<NONE>', 2, 4],
    ]);
  });

  it('does not make a thread of a NULL cpu_thread', () => {
    const a = analyzeText(
      lines(
        '> ::cpuinfo',
        ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC',
        '  3 fffffe22f1c9e000  64    0    0   -   no    no -      0000000000000000 -',
      ),
    );
    expect(a.snapshot.cpus).toHaveLength(1);
    expect(a.snapshot.threads).toHaveLength(0);
  });
});

describe('snapshot building: clocks, bindings and classes', () => {
  it('reads the dump lbolt for exact waits, and t_bound_cpu as the CPU it points at', () => {
    const a = analyzeText(
      lines(
        '> ::cpuinfo',
        ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC',
        '  1 ffffff01d3e32580  1f    4    0   0  yes    no t-6620600 ffffff01d5a600c0 qemu-system-x86_',
        '> panic_lbolt64/J',
        'panic_lbolt64:',
        'panic_lbolt64:  6500000         ',
        '> ffffff0007e01c40::print kthread_t t_bound_cpu t_cid',
        't_bound_cpu = 0xffffff01d3e32580',
        't_cid = 0',
      ),
    );
    expect(a.snapshot.tunables['panic_lbolt64']).toBe(0x6500000);
    const w = a.snapshot.threads.find((t) => t.addr === 'ffffff0007e01c40')!;
    expect(w.boundCpu).toBe(1);
    expect(w.cls).toBe('SYS');
  });
});

describe('::print at the end of a pipeline', () => {
  it("gives no struct the members it shows: the address typed is the walk's start, not the struct's", () => {
    // A proc's threads and a lock's blocked threads: neither address is a thread.
    const a = analyzeText(
      lines(
        '> ffffff01d6a9e008::walk thread | ::print kthread_t t_pri t_state',
        't_pri = 0x3b',
        't_state = 0x1',
        't_pri = 0x3c',
        't_state = 0x4',
        '> ffffff01e2b0c050::walk blocked | ::print kthread_t t_pri',
        't_pri = 0x63',
      ),
    );
    // Before, the proc became a thread at pri 60 "onproc" and the lock one at pri 99.
    expect(a.snapshot.threads).toEqual([]);
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([
      'line 2: `ffffff01d6a9e008::walk thread | ::print kthread_t t_pri t_state` shows no address for the kthread_t it prints, so its members are not given to any thread: print each one at its address (ADDR::print kthread_t ...)',
      'line 7: `ffffff01e2b0c050::walk blocked | ::print kthread_t t_pri` shows no address for the kthread_t it prints, so its members are not given to any thread: print each one at its address (ADDR::print kthread_t ...)',
    ]);
  });

  it('still gives them to the thread typed alone (the seed covers the t_cldata chain)', () => {
    const a = analyzeText(lines('> ffffff01d5a600c0::print kthread_t t_pri t_state', 't_pri = 0', 't_state = 0x2'));
    expect(a.snapshot.threads.map((t) => [t.addr, t.pri, t.state])).toEqual([['ffffff01d5a600c0', 0, 'run']]);
    expect(a.notes.filter((n) => n.rule === 'model')).toEqual([]);
  });
});

describe('stacks at the end of a pipeline', () => {
  it("that print no thread are nobody's: the walk's start is a proc, not the thread they belong to", () => {
    const a = analyzeText(lines('> ffffff01d6a9e008::walk thread | ::stack', 'swtch+0x141()', 'cv_wait+0x70(ffffff01d6fd5b60, ffffff01d6fd5ac0)'));
    // Before, the proc became a thread with this stack (and a cv wait).
    expect(a.snapshot.threads).toEqual([]);
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([
      'line 2: `ffffff01d6a9e008::walk thread | ::stack` prints stacks with no thread address, so they are not given to any thread: ::findstack prints each thread\'s (`::walk thread | ::findstack -v`)',
    ]);
  });

  it('typed at a thread alone, the stack is that thread\'s', () => {
    const a = analyzeText(lines('> ffffff01d5a600c0::stack', 'swtch+0x141()', 'cv_wait+0x70(ffffff01d6fd5b60, ffffff01d6fd5ac0)'));
    expect(a.snapshot.threads.map((t) => [t.addr, t.stack?.map((f) => f.func)])).toEqual([['ffffff01d5a600c0', ['swtch', 'cv_wait']]]);
  });
});

describe('frames whose thread the output does not show', () => {
  it('a ::findstack filtered after ! keeps frames with no header: not given to any thread, and the note says why', () => {
    const a = analyzeText(
      lines(
        '> ::walk thread | ::findstack -v ! grep -B1 mutex_vector_enter',
        '  ffffff0007e01bc0 turnstile_block+0x21a(0, 0, ffffff01e2b0c050, fffffffffbc079c0, 0, 0)',
        '  ffffff0007e01c00 mutex_vector_enter+0x3a3(ffffff01e2b0c050)',
      ),
    );
    expect(a.snapshot.threads).toEqual([]);
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([
      'line 2: `::walk thread | ::findstack -v` shows frames with no `stack pointer for thread` line above them (a filter after `!` drops it), so they are not given to any thread',
    ]);
  });

  it('::stacks output cut at its top (real sample 013): the frames before the first group line are read, and said to be nobody\'s', () => {
    const a = analyzeText(readFileSync(new URL('../../fixtures/real/013-richlowe-aarch64-stacks-part2.txt', import.meta.url), 'utf8'));
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([
      'line 1: 2 ::stacks frames with no group line (THREAD STATE SOBJ COUNT) above them: not given to any thread',
    ]);
  });
});

describe('values pasted with no command, said and not used', () => {
  it('a ::print -a member line: its struct and thread are not shown', () => {
    const a = analyzeText(lines('The class data:', '', 'ffffff01dde41b90 ts_timeleft = 0xff9b0253'));
    expect(a.accounting).toEqual({ lines: 3, parsed: 1, prose: 2, unrecognized: 0 });
    expect(a.snapshot.threads).toEqual([]);
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([
      'line 3: ::print output with no command above it shows ts_timeleft: its type and the thread or CPU it belongs to are not shown, so it is not used (paste the command that printed it with it)',
    ]);
  });

  it('the seed with its command lines gone: its ts_timeleft is read, not tied to a thread, and both notes say so', () => {
    const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
    const a = analyzeText(seed.split('\n').filter((l) => !l.startsWith('> ')).join('\n'));
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.findings.map((f) => f.rule)).not.toContain('ts-timeleft-overrun');
    const notes = a.notes.map((n) => n.message);
    expect(notes.filter((m) => m.startsWith("No thread's ts_timeleft in the input. CPU 1 has RNRN set"))).toHaveLength(1);
    // Line 78 of the text without its 5 command lines is the seed's line 80.
    expect(notes).toContain(
      'line 78: ::print output with no command above it shows ts_timeleft: its type and the thread or CPU it belongs to are not shown, so it is not used (paste the command that printed it with it)',
    );
  });

  it('a tunable under its name: 100 is 0t100 under /D and 0x100 under /X', () => {
    const a = analyzeText(lines('The tunable:', '', 'kpreemptpri:    100'));
    expect(a.snapshot.tunables).toEqual({});
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([
      'line 3: kpreemptpri: 100 is shown with no command: whether it is decimal (/D) or hex (/X) is not, so the value is not used',
    ]);
  });
});
