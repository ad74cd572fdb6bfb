// The wait rules stay quiet where nothing is stuck: the seed, the real corpus, healthy simulated
// dumps, a chain of two, and a convoy behind an owner that has just started running.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { emitTranscript } from '../../src/sim/transcript.ts';
import { seedAnalysis } from '../seed.ts';
import { run } from '../sim/helpers.ts';
import { waitFindings } from './helpers.ts';

const REAL = fileURLToPath(new URL('../../fixtures/real/', import.meta.url));

function waiter(addr: string, lock: string, base: number): string[] {
  return [
    `> ${addr}::findstack -v`,
    `stack pointer for thread ${addr}: ${(base + 0x9d0).toString(16)}`,
    `  ${(base + 0xa00).toString(16)} swtch+0x141()`,
    `  ${(base + 0xaa0).toString(16)} turnstile_block+0x21a(0, 0, ${lock}, fffffffffbc09b40, 0, 0)`,
    `  ${(base + 0xb10).toString(16)} mutex_vector_enter+0x3a3(${lock})`,
    `  ${(base + 0xb60).toString(16)} ufs_getpage+0x11c(ffffff0f1a77c200, 0, 2000, 0, 0, 0)`,
  ];
}

describe('wait rules are quiet on ordinary dumps', () => {
  it('the seed: no wait finding', () => {
    expect(waitFindings(seedAnalysis())).toEqual([]);
  });

  it('the real corpus: no wait finding at high or critical', () => {
    for (const name of readdirSync(REAL).filter((n) => n.endsWith('.txt'))) {
      const a = analyzeText(readFileSync(REAL + name, 'utf8'), { source: name });
      expect(waitFindings(a).filter((f) => f.severity === 'high' || f.severity === 'critical'), name).toEqual([]);
    }
  });

  it('simulated dumps: idle sleepers read as waits, but no wait finding', () => {
    // The simulator prints the stacks of queued threads only: at kpreemptpri 100 these scenarios
    // queue taskq workers and 1532 workers whose stacks sleep in cv_wait (idle, waiting for work).
    for (const name of ['pageout-taskq', 'illumos-1532']) {
      const s = run(name, { ticks: 60_000, params: { kpreemptpri: 100 } });
      const a = analyzeText(emitTranscript(s, ['cpuinfo-v', 'findstack-v']), { source: name });
      expect(a.snapshot.waits?.edges.length ?? 0, name).toBeGreaterThan(0);
      expect(waitFindings(a), name).toEqual([]);
    }
    // healthy-mix queues nothing at kpreemptpri 99, so it prints no stack and gives no finding at all.
    const h = run('healthy-mix', { ticks: 12_000, params: { kpreemptpri: 99 } });
    expect(waitFindings(analyzeText(emitTranscript(h, ['cpuinfo-v', 'findstack-v']), { source: 'healthy-mix' }))).toEqual([]);
  });

  it('one waiter behind an owner is an ordinary wait: no finding', () => {
    const text = [...waiter('ffffff0f2c01ac40', 'ffffff0f1a77c2d8', 0xffffff000c100000), '> ffffff0f1a77c2d8::mutex',
      '            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS', 'ffffff0f1a77c2d8 adapt ffffff0f2b9d0b40      -      -     yes'].join('\n');
    expect(waitFindings(analyzeText(text, { source: 't' }))).toEqual([]);
  });

  it('five waiters behind an owner running for 3 ticks (hz 100): a low convoy, ordinary contention', () => {
    const owner = 'ffffff0f2b9d0b40';
    const lines: string[] = ['> hz/D', 'hz:', 'hz:             100', '> ::cpuinfo',
      ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC',
      `  0 fffffffffbc3e000  1b    0    0  60   no    no t-3    ${owner} tar`];
    for (let i = 0; i < 5; i++) lines.push(...waiter(`ffffff0f2c${i}1ac40`, 'ffffff0f1a77c2d8', 0xffffff000c100000 + i * 0x10000));
    lines.push('> ffffff0f1a77c2d8::mutex', '            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS', `ffffff0f1a77c2d8 adapt ${owner}      -      -     yes`);
    const fs = waitFindings(analyzeText(lines.join('\n'), { source: 't' }));
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['lock-convoy', 'low']]);
    expect(fs[0]!.message).toContain('running on CPU 0 for 3 ticks');
  });
});
