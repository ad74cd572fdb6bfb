// Kernel variables playfair reads from a dump (`/D`, `/E`, `::print`, `::system`) and which of them
// the simulator can change. One table: the model keeps what it lists as kept, the C type reader
// reads each by its type, the simulator accepts exactly the settable ones.
import { HIRES_TICK_DEFAULT_CHANGE, HZ_DEFAULT, HIRES_HZ } from './clock.ts';
import { KPREEMPTPRI_FIXED, KPREEMPTPRI_PRE_FIX, MAXCLSYSPRI, MINCLSYSPRI } from './priorities.ts';

/** C type names as `::print -t` shows them; the model maps each to its size and sign. */
export type TunableCType = 'pri_t' | 'int' | 'uint_t' | 'hrtime_t' | 'clock_t' | 'int64_t';

export interface TunableDefault {
  value: number;
  /** The change that set this default, when it moved; null for the original. */
  since: string | null;
}

export interface Tunable {
  name: string;
  ctype: TunableCType;
  /** Defaults, oldest first; empty when there is no fixed default (a clock, a count). */
  defaults: readonly TunableDefault[];
  /** The snapshot keeps it when the input shows it. */
  kept: boolean;
  /** The simulator accepts it in `--what-if` and `--<name>`. */
  settable: boolean;
  /** What it is, in a few words. */
  about: string;
}

export const TUNABLES: readonly Tunable[] = [
  {
    name: 'kpreemptpri', ctype: 'pri_t', kept: true, settable: true,
    defaults: [
      { value: KPREEMPTPRI_PRE_FIX, since: null },
      { value: KPREEMPTPRI_FIXED, since: 'illumos 1532 (2020); SmartOS OS-970 (2012)' },
    ],
    about: 'a waiter at or above it sets KRNRN (kernel preemption)',
  },
  {
    name: 'kpqpri', ctype: 'pri_t', kept: true, settable: true, defaults: [],
    about: 'unbound threads at or above it go on the kp queue; dispinit() copies kpreemptpri unless set in /etc/system',
  },
  { name: 'upreemptpri', ctype: 'pri_t', kept: true, settable: true, defaults: [{ value: 0, since: null }], about: 'a waiter at or above it sets RNRN' },
  { name: 'maxclsyspri', ctype: 'pri_t', kept: true, settable: false, defaults: [{ value: MAXCLSYSPRI, since: null }], about: 'highest SYS priority' },
  { name: 'minclsyspri', ctype: 'pri_t', kept: true, settable: false, defaults: [{ value: MINCLSYSPRI, since: null }], about: 'lowest SYS priority' },
  { name: 'intr_pri', ctype: 'pri_t', kept: true, settable: false, defaults: [], about: 'interrupt threads run at intr_pri + PIL' },
  { name: 'ts_maxupri', ctype: 'pri_t', kept: true, settable: false, defaults: [], about: 'TS user priority range' },
  { name: 'ts_maxkmdpri', ctype: 'pri_t', kept: true, settable: false, defaults: [], about: 'TS kernel-mode priority range (before illumos 7232)' },
  { name: 'only_intr_kpreempt', ctype: 'int', kept: true, settable: false, defaults: [{ value: 0, since: null }], about: 'debug: kernel preemption by interrupt threads only' },
  {
    name: 'hz', ctype: 'int', kept: true, settable: true,
    defaults: [
      { value: HZ_DEFAULT, since: null },
      { value: HIRES_HZ, since: `illumos ${HIRES_TICK_DEFAULT_CHANGE.issue} (${HIRES_TICK_DEFAULT_CHANGE.date})` },
    ],
    about: 'clock ticks per second',
  },
  {
    name: 'hires_tick', ctype: 'int', kept: true, settable: false,
    defaults: [
      { value: 0, since: null },
      { value: 1, since: `illumos ${HIRES_TICK_DEFAULT_CHANGE.issue} (${HIRES_TICK_DEFAULT_CHANGE.date})` },
    ],
    about: 'hz is 1000 when set, 100 otherwise',
  },
  { name: 'nosteal_nsec', ctype: 'hrtime_t', kept: true, settable: true, defaults: [{ value: 100_000, since: null }], about: 'a thread queued (t_waitrq) less than this long ago is not stolen (100 us on i86pc)' },
  { name: 'rechoose_interval', ctype: 'int', kept: true, settable: true, defaults: [{ value: 3, since: null }], about: 'ticks after which a thread loses its cache affinity' },
  { name: 'ncpus', ctype: 'int', kept: true, settable: false, defaults: [], about: 'CPUs configured' },
  { name: 'max_ncpus', ctype: 'int', kept: false, settable: false, defaults: [], about: 'CPUs possible' },
  // The dump's clock, for waits measured against a thread's time stamps.
  { name: 'panic_lbolt64', ctype: 'int64_t', kept: true, settable: false, defaults: [], about: 'lbolt when the system panicked' },
  { name: 'panic_lbolt', ctype: 'clock_t', kept: true, settable: false, defaults: [], about: 'lbolt when the system panicked (older kernels)' },
  { name: 'lbolt64', ctype: 'int64_t', kept: true, settable: false, defaults: [], about: 'ticks since boot' },
  { name: 'lbolt', ctype: 'clock_t', kept: true, settable: false, defaults: [], about: 'ticks since boot (older kernels)' },
  { name: 'panic_hrtime', ctype: 'hrtime_t', kept: true, settable: false, defaults: [], about: 'hrtime when the system panicked' },
];

const BY_NAME = new Map(TUNABLES.map((t) => [t.name, t]));

export function tunable(name: string): Tunable | null {
  return BY_NAME.get(name) ?? null;
}

/** Names the snapshot keeps. */
export const KEPT_TUNABLES: ReadonlySet<string> = new Set(TUNABLES.filter((t) => t.kept).map((t) => t.name));
/** Names the simulator accepts. */
export const SETTABLE_TUNABLES: readonly string[] = TUNABLES.filter((t) => t.settable).map((t) => t.name);

/** The dump clocks, best first: the panic's own lbolt, then the running one. */
export const LBOLT_TUNABLES = ['panic_lbolt64', 'panic_lbolt', 'lbolt64', 'lbolt'] as const;
