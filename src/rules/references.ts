// Tickets and commits the findings cite. Each hash was checked against a mirror of its tree:
// illumos-gate 6d40a71e (Bryan Cantrill, 2020-09-21, "1532 Long-term kernel-resident processes
// need a way to play fair"); illumos-joyent 75dc0360 (Bryan Cantrill, 2012-02-20, "OS-970
// kpreemptpri should be lowered to maxclsyspri"); illumos-gate 1c207ae9 (2016-09-09, 7232).
export const REF_ILLUMOS_1532 = 'https://www.illumos.org/issues/1532';
export const REF_ILLUMOS_1532_COMMIT =
  'https://github.com/illumos/illumos-gate/commit/6d40a71ead689b14c68d91a5d92845e5f3daa020';
export const REF_OS_970 = 'https://smartos.org/bugview/OS-970';
export const REF_OS_970_COMMIT =
  'https://github.com/TritonDataCenter/illumos-joyent/commit/75dc036048b9918b1f3345d6dc74040438a02f8e';
export const REF_ILLUMOS_7232 = 'https://www.illumos.org/issues/7232';

/** The kpreemptpri change, both trees. */
export const KPREEMPT_REFS: readonly string[] = [REF_ILLUMOS_1532, REF_OS_970, REF_ILLUMOS_1532_COMMIT, REF_OS_970_COMMIT];

export const FIX_KPREEMPTPRI =
  'Set kpreemptpri = maxclsyspri (99), the SmartOS OS-970 (2012, illumos-joyent 75dc0360) / illumos 1532 ' +
  '(2020, illumos-gate 6d40a71e) change: then a SYS thread at 99 waiting on a CPU sets KRNRN and preempts a ' +
  'thread running in the kernel. Run a kernel that has it. On an unfixed live kernel, `kpreemptpri/w 0t99` ' +
  'under `mdb -kw` applies it until reboot but leaves kpqpri at 100 (the boot-time fix lowers both: dispinit() ' +
  'copies kpreemptpri into kpqpri), and an /etc/system line is likely overwritten by dispinit(). ' +
  'It does not help threads below 99 (SDC threads top out at 98 since illumos 7232).';

/** The illumos sources that say which argument of a blocking primitive is the object waited on. */
export const REF_TURNSTILE_C = 'https://github.com/illumos/illumos-gate/blob/master/usr/src/uts/common/os/turnstile.c';
export const REF_MUTEX_C = 'https://github.com/illumos/illumos-gate/blob/master/usr/src/uts/common/os/mutex.c';
export const REF_RWLOCK_C = 'https://github.com/illumos/illumos-gate/blob/master/usr/src/uts/common/os/rwlock.c';
