import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { computeSignature, involvedFrames, keyFrame, normalizePanicMessage, SIGNATURE_VERSION } from '../../src/triage/signature.ts';
import { frames, mkThread, seedSnapshot } from '../rules/helpers.ts';
import { analysisOf, panicAnalysis } from './helpers.ts';

/** A seed thread by address (the pipeline's thread order is not the test's business). */
function byAddr(s: ReturnType<typeof seedSnapshot>, addr: string) {
  return s.threads.find((t) => t.addr === addr)!;
}

describe('signature', () => {
  it('seed: runq-starvation plus the key frames of the starved workers, generic frames skipped', () => {
    const s = computeSignature(analysisOf(seedSnapshot()));
    expect(s.kind).toBe('finding');
    expect(s.rule).toBe('runq-starvation');
    expect(s.frames).toEqual(['mac_soft_ring_worker', 'squeue_worker']);
    // The frames are kept for people but are not in the v2 key.
    expect(s.key).toBe(`v${SIGNATURE_VERSION}|${s.rules.join(',')}|user|illumos-1532`);
    expect(s.rules).toContain('kpreempt-threshold');
  });

  it('the same failure with threads in another order, other addresses and offsets gets the same key', () => {
    const a = seedSnapshot();
    const b = seedSnapshot();
    b.cpus[1]!.runq!.reverse();
    b.threads.reverse();
    for (const t of b.threads) for (const f of t.stack ?? []) f.offset = 0x42;
    expect(computeSignature(analysisOf(b)).key).toBe(computeSignature(analysisOf(a)).key);
  });

  it("showing the culprit's stack too does not change the signature", () => {
    const b = seedSnapshot();
    byAddr(b, 'ffffff01d5a600c0').stack = frames([['svm_run', 200], ['kvm_arch_vcpu_ioctl_run', 201], ['kvm_ioctl', 202], ['cdev_ioctl', 203], ['ioctl', 204], ['sys_syscall', 205]]);
    const a = analysisOf(b);
    expect(computeSignature(a).key).toBe(computeSignature(analysisOf(seedSnapshot())).key);
    expect(involvedFrames(a)).toEqual(['mac_soft_ring_worker', 'squeue_worker', 'svm_run']);
  });

  it('a different starved thread kind is a different failure', () => {
    const b = seedSnapshot();
    byAddr(b, 'ffffff0007e01c40').stack = frames([['swtch', 109], ['cv_wait', 110], ['taskq_thread_wait', 111], ['taskq_thread', 112], ['thread_start', 113]]);
    byAddr(b, 'ffffff0007e1fc40').stack = null;
    expect(computeSignature(analysisOf(b)).frames).toEqual(['taskq_thread']);
  });

  it('key frame: a kernel thread by its start function, another stack by its innermost meaningful frame', () => {
    expect(keyFrame(mkThread('a', { stack: frames([['swtch', 1], ['cv_wait', 2], ['squeue_worker', 3], ['thread_start', 4]]) }))).toBe('squeue_worker');
    expect(keyFrame(mkThread('b', { stack: frames([['vmx_run', 1], ['vcpu_run', 2], ['ioctl', 3], ['sys_syscall', 4]]) }))).toBe('vmx_run');
    expect(keyFrame(mkThread('c', { stack: frames([['swtch', 1], ['cv_wait', 2]]) }))).toBeNull();
    expect(keyFrame(mkThread('d'))).toBeNull();
  });

  it('low and info findings do not name the failure', () => {
    const s = emptySnapshot();
    s.threads.push(mkThread('x', { tsTimeleft: -1, state: 'onproc', lines: { tsTimeleft: 2 } }));
    const a = analysisOf(s);
    expect(a.findings.map((f) => f.severity)).toEqual(['info']);
    expect(computeSignature(a).rule).toBe('healthy');
  });

  it('a panic with no finding: normalized message and the innermost frames of the panic stack', () => {
    const s = computeSignature(panicAnalysis('BAD TRAP: type=d (#gp General protection) rp=ffffd001f2b38b90 addr=0', ['mutex_owner_running', 'zfs_znode_free', 'zfs_inactive', 'fop_inactive']));
    expect(s.kind).toBe('panic');
    expect(s.detail).toBe('BAD TRAP: type=d (#gp General protection) rp=# addr=0');
    expect(s.frames).toEqual(['mutex_owner_running', 'zfs_znode_free', 'zfs_inactive']);
  });

  it('panic messages differing only in addresses normalize alike; other panics do not', () => {
    const m = (x: string) => normalizePanicMessage(x);
    expect(m('BAD TRAP: type=d (#gp General protection) rp=ffffff00413fe670 addr=0')).toBe(m('BAD TRAP: type=d (#gp General protection) rp=ffffd001f2b38b90 addr=0'));
    expect(m('BAD TRAP: type=d (#gp General protection) rp=ffffff003d0074d0 addr=27e08')).not.toBe(m('BAD TRAP: type=d (#gp General protection) rp=ffffff00413fe670 addr=0'));
    expect(m('deadman: timed out after 9 seconds of clock inactivity')).toBe('deadman: timed out after 9 seconds of clock inactivity');
    expect(m('panic[cpu1]/thread=30018dd6cc0: deadman: x')).toBe('deadman: x');
  });

  it('nothing at all: empty (nothing to judge)', () => {
    expect(computeSignature(analysisOf(emptySnapshot(), 0)).key).toBe(`v${SIGNATURE_VERSION}|empty`);
  });
});
