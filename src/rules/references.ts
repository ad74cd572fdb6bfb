// Tickets and commits the findings cite.
export const REF_ILLUMOS_1532 = 'https://www.illumos.org/issues/1532';
export const REF_ILLUMOS_1532_COMMIT =
  'https://github.com/illumos/illumos-gate/commit/6d40a71ead689b14c68d91a5d92845e5f3daa020';
export const REF_OS_970 = 'https://smartos.org/bugview/OS-970';
export const REF_OS_970_COMMIT =
  'https://github.com/joyent/illumos-joyent/commit/23e44ac77691c8b18b6c707b7de655f2b6cbc144';
export const REF_ILLUMOS_7232 = 'https://www.illumos.org/issues/7232';

/** The kpreemptpri change, both trees. */
export const KPREEMPT_REFS: readonly string[] = [REF_ILLUMOS_1532, REF_OS_970, REF_ILLUMOS_1532_COMMIT, REF_OS_970_COMMIT];

export const FIX_KPREEMPTPRI =
  'Set kpreemptpri = maxclsyspri (99), the SmartOS OS-970 (2012) / illumos 1532 (2020, commit 6d40a71e) change: ' +
  'then a SYS thread at 99 waiting on a CPU sets KRNRN and preempts a thread running in the kernel. ' +
  'Run a kernel that has it. On an unfixed live kernel, `kpreemptpri/w 0t99` under `mdb -kw` applies it until ' +
  'reboot (dispinit() assigns kpreemptpri at boot, so an /etc/system line is likely overwritten). ' +
  'It does not help threads below 99 (SDC threads top out at 98 since illumos 7232).';
