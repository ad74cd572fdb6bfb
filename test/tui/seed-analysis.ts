// HAND-BUILT: an Analysis of the seed report (fixtures/seed/illumos-1532.txt) written out by
// hand from the text, so the TUI can be tested before (and independently of) the real pipeline.
// Line numbers are the seed's own. Findings are plausible stand-ins, not the rules' output.
// The real pipeline's seed Analysis is test/seed.ts; these views' goldens still show this one.
import type { Analysis } from '../../src/analysis.ts';
import { blankThread, emptySnapshot, type Cpu, type Thread } from '../../src/model/snapshot.ts';
import type { Finding } from '../../src/rules/types.ts';
import { addr } from '../../illumos/index.ts';
import { asAddr, brand, type Loose } from '../model/loose.ts';

import { SEED_PATH, SEED_TEXT } from '../seed.ts';

export { SEED_PATH, SEED_TEXT };

function cpu(loose: Loose<Partial<Cpu>> & { id: number }): Cpu {
  const over = brand<Partial<Cpu>>(loose);
  return {
    addr: null, flags: null, flagNames: [], nrun: null, bspl: null, pri: null, runrun: null, kprunrun: null,
    switchTicks: null, thread: null, proc: null, pil: [], pinned: null, runq: null, lines: {}, ...over, id: loose.id,
  };
}

function thread(at: string, over: Loose<Partial<Thread>>): Thread {
  return { ...blankThread(asAddr(at)), ...brand<Partial<Thread>>(over) };
}

const frame = (func: string, offset: number | null, args: string[] | null, fp: string, line: number, saved = false) => ({
  func, offset, args, fp, line, ...(saved ? { saved: true } : {}),
});

export function seedAnalysis(): Analysis {
  const lines = SEED_TEXT.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const snap = emptySnapshot();
  snap.cpus = [
    cpu({
      id: 0, addr: 'fffffffffbc486e0', flags: 0x1b, flagNames: ['RUNNING', 'READY', 'EXISTS', 'ENABLE'], nrun: 5, bspl: 0,
      pri: 108, runrun: false, kprunrun: false, switchTicks: 0, thread: 'ffffff00076cbc40', proc: 'sched',
      pil: [{ pil: 9, thread: 'ffffff00076cbc40', line: 56 }],
      pinned: { thread: 'ffffff0007605c40', proc: '(idle)', line: 57 },
      runq: [
        { pri: 99, thread: 'ffffff00076f5c40', proc: 'sched', line: 60 },
        { pri: 99, thread: 'ffffff00076fbc40', proc: 'sched', line: 61 },
        { pri: 99, thread: 'ffffff0007701c40', proc: 'sched', line: 62 },
        { pri: 60, thread: 'ffffff0007dbac40', proc: 'fsflush', line: 63 },
        { pri: 60, thread: 'ffffff0008910c40', proc: 'sched', line: 64 },
      ],
      lines: { id: 53 },
    }),
    cpu({
      id: 1, addr: 'ffffff01d3e32580', flags: 0x1f, flagNames: ['RUNNING', 'READY', 'QUIESCED', 'EXISTS', 'ENABLE'], nrun: 4, bspl: 0,
      pri: 0, runrun: true, kprunrun: false, switchTicks: 6620600, thread: 'ffffff01d5a600c0', proc: 'qemu-system-x86_',
      runq: [
        { pri: 99, thread: 'ffffff0007e01c40', proc: 'sched', line: 71 },
        { pri: 99, thread: 'ffffff0007e1fc40', proc: 'sched', line: 72 },
        { pri: 59, thread: 'ffffff01cfa6d7c0', proc: 'qemu-system-x86_', line: 73 },
        { pri: 59, thread: 'ffffff01e35b43c0', proc: 'qemu-system-x86_', line: 74 },
      ],
      lines: { id: 67 },
    }),
  ];
  snap.threads = [
    thread('ffffff01d5a600c0', {
      proc: 'qemu-system-x86_', pri: 0, state: 'onproc', cls: 'TS', onCpu: 1, cldata: 'ffffff01dde41b90', tsTimeleft: -6618541,
      lines: { onCpu: 67, tsTimeleft: 82 },
    }),
    thread('ffffff0007e01c40', {
      proc: 'sched', pri: 99, state: 'run', cls: 'SYS', queuedOn: 1,
      stack: [
        frame('_resume_from_idle', 0xf1, [], 'ffffff0007e01b60', 108, true),
        frame('swtch', 0x1e6, [], 'ffffff0007e01b90', 109),
        frame('cv_wait', 0x7f, ['ffffff01d6fd5b60', 'ffffff01d6fd5ac0'], 'ffffff0007e01bc0', 110),
        frame('mac_soft_ring_worker', 0xc5, ['ffffff01d6fd5ac0'], 'ffffff0007e01c20', 111),
        frame('thread_start', 8, [], 'ffffff0007e01c30', 112),
      ],
      lines: { queuedOn: 71 },
    }),
    thread('ffffff0007e1fc40', {
      proc: 'sched', pri: 99, state: 'run', cls: 'SYS', queuedOn: 1,
      stack: [
        frame('_resume_from_idle', 0xf1, [], 'ffffff0007e1fb60', 115, true),
        frame('swtch', 0x1e6, [], 'ffffff0007e1fb90', 116),
        frame('cv_wait', 0x7f, ['ffffff01d2c35c50', 'ffffff01d2c35c10'], 'ffffff0007e1fbc0', 117),
        frame('squeue_worker', 0xd1, ['ffffff01d2c35c00'], 'ffffff0007e1fc20', 118),
        frame('thread_start', 8, [], 'ffffff0007e1fc30', 119),
      ],
      lines: { queuedOn: 72 },
    }),
    thread('ffffff00076cbc40', { proc: 'sched', pri: 108, onCpu: 0, lines: { onCpu: 53 } }),
  ];
  const findings: Finding[] = [
    {
      rule: 'kpreempt-starvation', severity: 'critical', confidence: 'certain', cpu: 1,
      title: 'SYS pri-99 threads starved behind a pri-0 TS thread on cpu 1 for 18h23m',
      message:
        'cpu 1 has run ffffff01d5a600c0 (qemu-system-x86_, pri 0) for t-6620600 ticks while two pri-99 threads wait on its queue. ' +
        'RNRN is set but KRNRN is not: a waiting pri of 99 is below kpreemptpri (100), so the kernel never preempts the spinning thread.',
      evidence: [{ line: 67, text: lines[66]! }, { line: 71, text: lines[70]! }, { line: 72, text: lines[71]! }],
      threads: ['ffffff0007e01c40', 'ffffff0007e1fc40', 'ffffff01d5a600c0'].map(addr),
      fix: 'Set kpreemptpri to 99 (maxclsyspri), as illumos #1532 did.',
      confirm: ['kpreemptpri/D', 'ffffff01d5a600c0::print kthread_t t_disp_time'],
      references: ['illumos #1532'],
    },
    {
      rule: 'quantum-overrun', severity: 'high', confidence: 'certain', cpu: 1,
      title: 'TS thread ffffff01d5a600c0 is 6618541 ticks past its quantum',
      message: 'ts_timeleft is -6618541: the thread never returned to user level to be preempted.',
      evidence: [{ line: 80, text: lines[79]! }, { line: 82, text: lines[81]! }],
      threads: ['ffffff01d5a600c0'].map(addr),
      fix: 'See kpreempt-starvation.',
      confirm: [],
      references: [],
    },
    {
      rule: 'no-steal', severity: 'info', confidence: 'inferred', cpu: 0,
      title: 'cpu 0 is busy, so it does not steal cpu 1\'s queued threads',
      message: 'Only an idle CPU steals work; cpu 0 runs a PIL 9 interrupt thread with five threads of its own queued.',
      evidence: [{ line: 53, text: lines[52]! }],
      fix: '',
      confirm: [],
      references: [],
    },
  ];
  return {
    source: 'fixtures/seed/illumos-1532.txt',
    lines,
    accounting: { lines: lines.length, parsed: 40, prose: lines.length - 40, unrecognized: 0 },
    sections: [],
    records: [],
    snapshot: snap,
    findings,
    notes: [{ rule: 'hz', message: 'hz not shown; 100 assumed' }],
    diagnostics: [],
  };
}
