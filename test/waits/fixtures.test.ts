// The hand-written wait transcripts named with their evidence (lines counted by hand in
// fixtures/handwritten/waits/).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { chainLines } from '../../src/report/chains.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderText } from '../../src/report/text.ts';
import { analyzeFixture, fixturePath, waitFindings } from './helpers.ts';

describe('wait findings on the hand-written transcripts', () => {
  it('two-thread deadlock as illumos leaves it: turnstile_block panicked on the cycle (critical, certain)', () => {
    const [f, ...rest] = waitFindings(analyzeFixture('deadlock-two-mutex-panic.txt'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'deadlock', severity: 'critical', confidence: 'certain', threads: ['ffffff0d4a7e1c40', 'ffffff0d4a9f3b80'] });
    // Line 4: the panic message; 10 and 20: the mutex_vector_enter frames (20 under vpanic/panic in
    // the panicking thread); 27 and 30: the ::mutex rows naming the owners.
    expect(f!.evidence.map((e) => e.line)).toEqual([4, 10, 20, 27, 30]);
    expect(f!.message).toContain('turnstile_block panicked with "Deadlock: cycle in blocking chain"');
  });

  it('the same cycle with both threads asleep and no panic shown: high, inferred (the kernel would have panicked)', () => {
    const [f, ...rest] = waitFindings(analyzeFixture('deadlock-two-mutex.txt'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'deadlock', severity: 'high', confidence: 'inferred', threads: ['ffffff0d4a7e1c40', 'ffffff0d4a9f3b80'] });
    expect(f!.message).toContain('either this is that panic\'s dump, or the stacks and the owners were read at different moments');
    // Lines 6 and 16: the mutex_vector_enter frames; 23 and 26: the ::mutex rows naming the owners.
    expect(f!.evidence.map((e) => e.line)).toEqual([6, 16, 23, 26]);
    expect(f!.confirm).toEqual(['ffffff0d4a7e1c40::findstack -v', 'ffffff0d3b1f6e90::mutex', 'ffffff0d4a9f3b80::findstack -v', 'ffffff0d3c2a8b40::mutex', '::findlocks', '::panicinfo']);
  });

  it('three-thread cycle through a write-held rwlock: named, but inferred (turnstile_block follows a writer, so illumos would have panicked)', () => {
    const [f, ...rest] = waitFindings(analyzeFixture('cycle-rwlock-three.txt'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'deadlock', severity: 'high', confidence: 'inferred', threads: ['ffffff0e1a2b4c40', 'ffffff0e1a8d3b40', 'ffffff0e1b0c2a80'] });
    expect(f!.evidence.map((e) => e.line)).toEqual([6, 15, 24, 30, 33, 36]);
    expect(f!.message).toContain('waits for rwlock ffffff0e11d3a2c8 (rw_enter_sleep, line 24, in zfs_dirent_lock), ended by ffffff0e1a2b4c40 (zfs_rename) (::rwlock names the writer, line 36)');
  });

  it('convoy: six waiters on one mutex whose owner sleeps in biowait (medium, certain: held across I/O still in flight)', () => {
    const [f, ...rest] = waitFindings(analyzeFixture('convoy-mutex.txt'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'lock-convoy', severity: 'medium', confidence: 'certain', title: 'Lock convoy: 6 threads blocked on mutex ffffff0f1a77c2d8' });
    expect(f!.message).toContain('a lock held across I/O, stuck only if that I/O never completes');
    expect(f!.threads).toHaveLength(6);
    // The ::mutex row first (line 66), then five of six waiter frames (9 lines apart) and the owner's biowait.
    expect(f!.evidence.map((e) => e.line)).toEqual([66, 6, 15, 24, 33, 42, 60]);
    expect(f!.message).toContain('names its owner ffffff0f2b9d0b40 (ufs_putpages), asleep itself, waiting for buf ffffff0f33a1c080 (biowait, line 60');
  });

  it('convoy behind an owner preempted a tick ago (queued, nothing proves why it does not run): medium, not high', () => {
    const [f, ...rest] = waitFindings(analyzeFixture('convoy-owner-preempted.txt'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'lock-convoy', severity: 'medium', confidence: 'certain', title: 'Lock convoy: 6 threads blocked on mutex ffffff0f1a77c2d8' });
    expect(f!.message).toContain("names its owner ffffff0f2b9d0b40 (ufs_putpages), runnable on CPU 0's run queue but not running; no high dispatcher finding explains why it has not run");
  });

  it('convoy behind an owner asleep in cv_wait that no thread shown is known to end: medium, not high (a wakeup may come at any moment)', () => {
    const [f, ...rest] = waitFindings(analyzeFixture('convoy-owner-cv.txt'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'lock-convoy', severity: 'medium', confidence: 'certain', title: 'Lock convoy: 6 threads blocked on mutex ffffff0f1a77c2d8' });
    // convoy-mutex.txt two lines down (a prose line and a blank): the ::mutex row at 68, five waiter frames, the owner's cv_wait at 61.
    expect(f!.evidence.map((e) => e.line)).toEqual([68, 8, 17, 26, 35, 44, 61]);
    expect(f!.message).toContain('asleep itself, waiting for cv ffffff0f33a1c208 (cv_wait, line 61, in ufs_lockfs_begin), which no thread shown is known to end');
  });

  it('convoy whose owner waits for a mutex held by a kernel thread on a CPU for 45000 ticks: high, and the head\'s CPU row is evidence', () => {
    const found = waitFindings(analyzeFixture('convoy-owner-chain-running.txt'));
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['wait-chain', 'high'],
      ['lock-convoy', 'high'],
    ]);
    const f = found[1]!;
    // The ::mutex row (80) first, then in line order CPU 2's row (8), five waiter frames 9 lines apart from 20, the owner's mutex_vector_enter (74).
    expect(f.evidence.map((e) => e.line)).toEqual([80, 8, 20, 29, 38, 47, 56, 74]);
    expect(f.message).toContain('waiting for mutex ffffff0f1b000030 (mutex_vector_enter, line 74, in ufs_putapage), in waits that end at ffffff0f2a11c0c0 (sched), running on CPU 2 for 45000 ticks');
  });

  it('convoy whose owner waits for a mutex held by one of the waiters: a cycle, so high, beside the deadlock finding', () => {
    const cv = readFileSync(fixturePath('convoy-owner-cv.txt'), 'utf8');
    const text =
      cv.replace('cv_wait+0x70(ffffff0f33a1c208, ffffff0f33a1c200)', 'mutex_vector_enter+0x3a3(ffffff0f1b000030)') +
      '> ffffff0f1b000030::mutex\n            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS\nffffff0f1b000030 adapt ffffff0f2c01ac40      -      -     yes\n';
    const found = waitFindings(analyzeText(text));
    expect(found.map((f) => [f.rule, f.severity])).toContainEqual(['lock-convoy', 'high']);
    expect(found.some((f) => f.rule === 'deadlock')).toBe(true);
    expect(found.find((f) => f.rule === 'lock-convoy')!.message).toContain('in a cycle of waits that never ends (the deadlock finding)');
  });

  it('a chain whose head is queued behind a re-picked user thread (a SWITCH bound only): medium, not high', () => {
    const a = analyzeFixture('chain-head-queued-bound.txt');
    const [f, ...rest] = waitFindings(a);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'wait-chain', severity: 'medium', threads: ['ffffff0f3a000c40', 'ffffff0f3a100c40', 'ffffff0f3a200c40'] });
    // The bound is there, as a finding below high: it does not explain the chain.
    expect(a.findings.find((x) => x.rule === 'runq-starvation')).toMatchObject({ severity: 'medium', cpu: 0 });
    expect(f!.message).toContain('is runnable on CPU 0\'s run queue but not running; no high dispatcher finding explains why it has not run');
  });

  it("the seed's comment-6 chain: memory -> pageout -> txg sync -> a starved zio_write_intr thread, linked to taskq-starvation", () => {
    const a = analyzeFixture('seed-comment6-chain.txt');
    const [f, ...rest] = waitFindings(a);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'wait-chain', severity: 'high', confidence: 'inferred' });
    expect(f!.threads).toEqual(['fffffe0a7c33e020', 'fffffe000f6a8c20', 'fffffe000f93fc20', 'fffffe000fa2ac20']);
    expect(f!.title).toBe("Wait chain of 4 threads; its head, fffffe000fa2ac20 (tq:zio_write_intr), is runnable on CPU 0's run queue but not running");
    expect(f!.message).toContain('the `taskq-starvation` finding explains why it has not run');
    expect(a.findings.some((x) => x.rule === 'taskq-starvation' && x.severity === 'high')).toBe(true);
    // Primary: the run-queue row of the head (line 9); the frames of each hop; the CPU row via the linked finding.
    expect(f!.evidence[0]!.line).toBe(9);
    expect(f!.evidence.map((e) => e.line)).toEqual(expect.arrayContaining([6, 23, 35, 38, 44, 49, 55]));
    expect(f!.fix).toMatch(/^Fix the head first: Set kpreemptpri = maxclsyspri \(99\)/);
  });
});

describe('::stacks without arguments', () => {
  it('groups lock waits by site and says what -v output would name (low, inferred)', () => {
    const text = [
      '> ::stacks',
      'THREAD           STATE    SOBJ                COUNT',
      'ffffff0f2c01ac40 SLEEP    MUTEX                  17',
      '                 swtch+0x1e6',
      '                 turnstile_block+0x21a',
      '                 mutex_vector_enter+0x3a3',
      '                 ufs_getpage+0x11c',
      '                 fop_getpage+0x7e',
      '',
      'ffffff0f2d01ac40 SLEEP    CV                      3',
      '                 swtch+0x1e6',
      '                 cv_wait+0x7f',
      '                 taskq_thread_wait+0x84',
      '                 taskq_thread+0x2d1',
    ].join('\n');
    const fs = waitFindings(analyzeText(text, { source: 't' }));
    expect(fs.map((f) => [f.rule, f.severity, f.confidence, f.title])).toEqual([
      ['lock-convoy', 'low', 'inferred', '17 threads block on a mutex in ufs_getpage (lock not named)'],
    ]);
    expect(fs[0]!.confirm).toEqual(['::stacks -c ufs_getpage', 'ffffff0f2c01ac40::findstack -v']);
  });
});

describe('the chain view', () => {
  it('draws the two-thread deadlock thread -> mutex -> owner, back to the first', () => {
    const a = analyzeFixture('deadlock-two-mutex.txt');
    expect(chainLines(a, waitFindings(a)[0]!)).toEqual([
      'ffffff0d4a7e1c40 (dld_str_detach)',
      '  -> mutex ffffff0d3b1f6e90 in mac_client_close (line 6)',
      '    -> ffffff0d4a9f3b80 (i_mac_notify_thread) [owner, line 23]',
      '      -> mutex ffffff0d3c2a8b40 in dls_devnet_hold_tmp (line 16)',
      '        -> ffffff0d4a7e1c40 (dld_str_detach) [owner, line 26]',
      '          (back to the first thread: a cycle)',
    ]);
  });

  it('is in the text report under the wait-chain finding, ending at the head', () => {
    const text = renderText(analyzeFixture('seed-comment6-chain.txt'));
    const i = text.indexOf('   Chain:\n');
    expect(i).toBeGreaterThan(0);
    expect(text.slice(i).split('\n').slice(1, 9)).toEqual([
      '     fffffe0a7c33e020 (segkmem_alloc_vn)',
      '       -> cv fffffffffbc5e6c4 in page_create_throttle (line 55)',
      '         -> fffffe000f6a8c20 (pageout) [inferred, line 49]',
      '           -> cv fffffe0a2d1c4382 in txg_wait_synced_impl (line 44)',
      '             -> fffffe000f93fc20 (txg_sync_thread) [inferred, line 38]',
      '               -> zio fffffe0a4fd3e4b8 in dsl_pool_sync (line 35)',
      '                 -> fffffe000fa2ac20 (tq:zio_write_intr) [inferred, line 23]',
      '                   (head: runnable, queued on CPU 0)',
    ]);
  });

  it('is fenced in the Markdown report', () => {
    const md = renderMarkdown(analyzeFixture('cycle-rwlock-three.txt'));
    expect(md).toContain('**Wait chain:**\n\n```text\nffffff0e1a2b4c40 (zfs_rename)\n  -> mutex ffffff0e0c7d1a08 in zfs_zget (line 6)\n');
  });
});
