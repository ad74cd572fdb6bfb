// The mdb shell's dcmds over a hand-written dump (fixtures/handwritten/shell/panic-bound.txt):
// expected text worked out from the fixture's lines and mdb's formats.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { runMdbCommand } from '../../src/shell/commands.ts';
import { renderersFor } from '../../src/shell/renderers.ts';

const TEXT = readFileSync(new URL('../../fixtures/handwritten/shell/panic-bound.txt', import.meta.url), 'utf8');
const SEED = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const a = analyzeText(TEXT, { source: 'panic-bound' });
const seed = analyzeText(SEED, { source: 'seed' });
const r = renderersFor();
const run = (line: string, on = a) => runMdbCommand(on, line, r);

describe('options are read as mdb_getopts reads them', () => {
  it('refuses an unknown option instead of ignoring it', () => {
    expect(run('::cpuinfo -x')).toEqual({ lines: [], error: 'illegal option -- x (usage: [ADDR]::cpuinfo [-v])' });
    expect(run('::stacks -a').error).toMatch(/^illegal option -- a /);
    expect(run('::stacks -c').error).toMatch(/^option requires an argument -- c /);
    expect(run('fffffe000f4c7c20::findstack -vx').error).toMatch(/^illegal option -- x /);
  });

  it('refuses unknown dcmds, formats and addresses it cannot evaluate', () => {
    expect(run('::bogus').error).toMatch(/^invalid command '::bogus': unknown dcmd name/);
    expect(run('ffffff01dde41b90/D').error).toBe('ffffff01dde41b90/D: formats read memory; a snapshot answers only NAME/D of a tunable the input showed');
    expect(run('t0::print kthread_t t_pri').error).toMatch(/^failed to evaluate 't0': unknown symbol name/);
    expect(run('::status fffffe000f4c7c20').error).toBe("unexpected argument 'fffffe000f4c7c20'");
  });
});

describe('::cpuinfo', () => {
  it('an address before it is a CPU id: 1::cpuinfo prints CPU 1 only', () => {
    expect(run('1::cpuinfo').lines).toEqual([
      ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC',
      '  1 fffffe0a0f5a9000  1b    2    0  59  yes    no t-812  fffffe0a1e2f03a0 qemu-system-x86_',
    ]);
    // The cpu_t address names the same CPU; an id the dump lacks is refused.
    expect(run('fffffe0a0f5a9000::cpuinfo').lines).toEqual(run('1::cpuinfo').lines);
    expect(run('7::cpuinfo').error).toMatch(/CPU 7 is not in this dump/);
  });

  it('-v prints no run-queue block for a queue the input did not show (CPU 1: NRUN 2, plain ::cpuinfo)', () => {
    const out = run('1::cpuinfo -v').lines;
    expect(out).toHaveLength(8); // header, row, 5 margin lines, blank
    expect(out.join('\n')).not.toContain('PRI THREAD');
    expect(out[2]).toBe('                       |    ');
  });
});

describe('::stacks', () => {
  it('-c keeps the threads with that function in their stack', () => {
    const out = run('::stacks -c mac_soft_ring_worker', seed).lines;
    expect(out[1]).toBe('ffffff0007e01c40 RUN      ?                       1');
    expect(out.filter((l) => /^f/.test(l))).toHaveLength(1); // not the squeue worker
    expect(run('::stacks -c squeue_worker', seed).lines[1]).toMatch(/^ffffff0007e1fc40 /);
    expect(run('::stacks -c no_such_func', seed)).toEqual({ lines: [] });
  });

  it('-m is refused when no frame names its module (mod`func)', () => {
    expect(run('::stacks -m mac', seed).error).toMatch(/do not name modules/);
  });
});

describe('threads and pipes', () => {
  it('::walk thread lists the dump\'s threads; piped into ::findstack -v it prints each known stack', () => {
    expect(run('::walk thread').lines).toEqual(['fffffe000fe0ac20', 'fffffe0a1e2f03a0', 'fffffe000f4c7c20']);
    const out = run('::walk thread | ::findstack -v');
    expect(out.lines).toContain('stack pointer for thread fffffe000f4c7c20: fffffe000f4c7b60');
    expect(out.lines).toContain('  fffffe000f4c7bc0 cv_wait+0x7f(ffffff01d6fd5b60, ffffff01d6fd5ac0)');
    // The qemu thread's stack was not pasted: said, and the command counts as unanswered.
    expect(out.error).toBe('thread fffffe0a1e2f03a0: its stack is not in the input');
  });

  it('ADDR::findstack -v of a thread whose stack is not in the input says so', () => {
    expect(run('fffffe0a1e2f03a0::findstack -v')).toEqual({ lines: [], error: 'thread fffffe0a1e2f03a0: its stack is not in the input' });
  });

  it('::threadlist prints ADDR PROC LWP CMD/LWPID with ? for what a snapshot lacks', () => {
    expect(run('::threadlist').lines).toEqual([
      '            ADDR             PROC              LWP CMD/LWPID',
      'fffffe000fe0ac20                ?                ? sched',
      'fffffe0a1e2f03a0                ?                ? qemu-system-x86_',
      'fffffe000f4c7c20                ?                ? ?',
    ]);
    expect(run('::threadlist -v').lines.slice(0, 2)).toEqual([
      '            ADDR             PROC              LWP CLS PRI            WCHAN',
      'fffffe000fe0ac20                ?                ?   ?  60                ?',
    ]);
  });
});

describe('::print', () => {
  it('t_bound_cpu is the bound CPU\'s cpu_t address, and reads through to cpu_id', () => {
    expect(run('fffffe000f4c7c20::print kthread_t t_bound_cpu t_bound_cpu->cpu_id t_wchan t_pri').lines).toEqual([
      't_bound_cpu = 0xfffffe0a0f5a9000',
      't_bound_cpu->cpu_id = 0x1',
      't_wchan = 0xffffff01d6fd5b60',
      't_pri = 0x63',
    ]);
    expect(run('fffffe000f4c7c20::print kthread_t t_bound_cpu | ::print cpu_t cpu_id cpu_runrun').lines).toEqual(['cpu_id = 0x1', "cpu_runrun = '\\001'"]);
    expect(run('fffffe000f4c7c20::print -d kthread_t t_pri').lines).toEqual(['t_pri = 0t99']);
  });

  it('a member the input did not show is "not in the input", never 0; the others still print', () => {
    const out = run('fffffe0a1e2f03a0::print kthread_t t_pri t_wchan t_bound_cpu');
    expect(out.lines).toEqual(['t_pri = 0x3b']);
    expect(out.error).toBe('this dump does not show t_wchan, t_bound_cpu for thread fffffe0a1e2f03a0 (not in the input)');
    expect(run('fffffe0a1e2f03a0::print kthread_t t_nosuch').error).toBe('failed to find member t_nosuch of kthread_t: no such member');
  });

  it('the seed\'s t_cldata pipeline still reproduces its line', () => {
    expect(run('ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft', seed)).toEqual({ lines: ['ffffff01dde41b90 ts_timeleft = 0xff9b0253'] });
  });
});

describe('system dcmds', () => {
  it('::status, ::panicinfo, $C and $c print what the input showed', () => {
    expect(run('::status').lines).toEqual(TEXT.split('\n').slice(5, 9));
    expect(run('::panicinfo').lines).toEqual(TEXT.split('\n').slice(10, 13));
    expect(run('$C').lines).toEqual(TEXT.split('\n').slice(14, 17));
    expect(run('$c').lines[0]).toBe('zfs_znode_free+0x37(fffffe0a21c3e000)');
    expect(run('::panicinfo', seed).error).toMatch(/shows no panic/);
  });

  it('::help and ::dcmds list the table; ::quit and $q quit', () => {
    const names = run('::dcmds').lines.map((l) => l.trim().split(/\s/)[0]);
    expect(names).toContain('[ADDR]::cpuinfo');
    expect(names).toContain('[ADDR]$C');
    expect(run('::help findstack').lines).toContain('  ADDR::findstack [-v]');
    expect(run('::quit')).toEqual({ lines: [], quit: true });
    expect(run('$q')).toEqual({ lines: [], quit: true });
  });
});

describe('NAME/D of a tunable', () => {
  const kp = readFileSync(new URL('../../fixtures/handwritten/rules/kpreempt-direct-100.txt', import.meta.url), 'utf8');
  const k = analyzeText(kp);
  it('prints the value the input showed, byte for byte as mdb did (lines 4-5 of the fixture)', () => {
    expect(run('kpreemptpri/D', k).lines).toEqual(kp.split('\n').slice(3, 5));
    expect(run('kpreemptpri/X', k).lines[1]).toBe('kpreemptpri:    64              ');
  });
  it('refuses a tunable not shown, memory, writes and =FORMAT', () => {
    expect(run('kpreemptpri/D').error).toBe('kpreemptpri: this dump does not show its value (not in the input)');
    expect(run('kpreemptpri/w 0t99', k).error).toBe('kpreemptpri/w: a snapshot cannot be written; `playfair sim --what-if kpreemptpri=99 FILE` simulates the dump with it');
    expect(run('ffffff01dde41b90,2/K', k).error).toMatch(/^ffffff01dde41b90,2\/K: formats read memory/);
    expect(run('0t10=D', k).error).toMatch(/=FORMAT .* not answered/);
  });
});
