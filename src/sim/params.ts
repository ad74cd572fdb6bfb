// The simulator's tunables: defaults of the era the 1532 report came from (hz 100, kpreemptpri
// maxclsyspri + 1 = 100, kpqpri following it, SDC top priority 99), and the changes `--what-if`
// and `--<name>` may make: exactly the tunables illumos/tunables.ts marks settable, by kernel name.
import {
  HZ_DEFAULT, INTR_PRI_NO_RT, INTR_PRI_WITH_RT, KPREEMPTPRI_PRE_FIX, LOCK_LEVEL, MAXCLSYSPRI, MINCLSYSPRI,
  SDC_MAXPRI_POST_7232, SDC_MAXPRI_PRE_7232, SETTABLE_TUNABLES, tunable,
} from '../../illumos/index.ts';
import type { SimParams } from './types.ts';

/** Tunable names `--what-if` and `--<name>` accept (kernel spelling). */
export const TUNABLES: readonly string[] = SETTABLE_TUNABLES;

export type Era = 'G11' | 'G20';

const NANOSEC = 1_000_000_000;

/** The default of a tunable in the 1532 era (its oldest default in the table). */
function oldDefault(name: string): number {
  const d = tunable(name)?.defaults[0];
  if (d === undefined) throw new Error(`illumos/tunables.ts: no default for ${name}`);
  return d.value;
}

/** `nosteal_nsec` on i86pc (100 us). */
export const NOSTEAL_NSEC_DEFAULT = oldDefault('nosteal_nsec');
export const RECHOOSE_INTERVAL_DEFAULT = oldDefault('rechoose_interval');
export const UPREEMPTPRI_DEFAULT = oldDefault('upreemptpri');

export interface ParamInput {
  hz?: number;
  kpreemptpri?: number;
  kpqpri?: number;
  upreemptpri?: number;
  rechooseInterval?: number;
  /** nosteal_nsec in nanoseconds; the simulator rounds it up to whole ticks. */
  nostealNsec?: number;
  /** G11: 2011 tree (SDC max 99); G20: after illumos 7232 (SDC max 98). */
  era?: Era;
  /** true when RT is loaded: interrupt threads then sit at 159 + PIL. */
  rtLoaded?: boolean;
}

/**
 * nosteal_nsec in ticks, rounded up: 100 us is far below a tick, so a fresh thread becomes
 * stealable on the next tick's idle pass (an over-estimate of at most one tick); 0 turns it off.
 */
export function nostealTicks(nsec: number, hz: number): number {
  if (nsec <= 0) return 0;
  return Math.ceil((nsec * hz) / NANOSEC);
}

export function makeParams(p: ParamInput = {}): SimParams {
  const hz = p.hz ?? HZ_DEFAULT;
  const kpreemptpri = p.kpreemptpri ?? KPREEMPTPRI_PRE_FIX;
  return {
    hz,
    kpreemptpri,
    // dispinit() copies kpreemptpri into kpqpri unless /etc/system set it.
    kpqpri: p.kpqpri ?? kpreemptpri,
    upreemptpri: p.upreemptpri ?? UPREEMPTPRI_DEFAULT,
    minclsyspri: MINCLSYSPRI,
    maxclsyspri: MAXCLSYSPRI,
    intrPri: p.rtLoaded === true ? INTR_PRI_WITH_RT : INTR_PRI_NO_RT,
    sdcMaxPri: (p.era ?? 'G11') === 'G11' ? SDC_MAXPRI_PRE_7232 : SDC_MAXPRI_POST_7232,
    rechooseInterval: p.rechooseInterval ?? RECHOOSE_INTERVAL_DEFAULT,
    nostealTicks: nostealTicks(p.nostealNsec ?? NOSTEAL_NSEC_DEFAULT, hz),
    // sysdc_update_interval_msec 20 ms.
    sdcUpdateTicks: Math.max(1, Math.round((20 * hz) / 1000)),
  };
}

/** The number of priority levels a dispatch queue needs: classes' range plus LOCK_LEVEL interrupt levels. */
export function queueLevels(params: SimParams): number {
  return params.intrPri + 1 + LOCK_LEVEL;
}

/** Applies `name=value` changes (kernel spelling) to a parameter input. Unknown names are errors. */
export function applyTunables(base: ParamInput, changes: Record<string, number>): { ok: true; input: ParamInput } | { ok: false; message: string } {
  const out: ParamInput = { ...base };
  for (const [k, v] of Object.entries(changes)) {
    if (!TUNABLES.includes(k)) {
      const t = tunable(k);
      const why = t === null ? `unknown tunable '${k}'` : `'${k}' is not one the simulator can change`;
      return { ok: false, message: `${why} (settable: ${TUNABLES.join(', ')})` };
    }
    if (!Number.isInteger(v)) return { ok: false, message: `${k}: expected an integer, got ${v}` };
    switch (k) {
      case 'hz':
        if (v < 1 || v > 10000) return { ok: false, message: `hz must be 1..10000` };
        out.hz = v;
        break;
      case 'kpreemptpri':
        if (v < 0 || v > 200) return { ok: false, message: `kpreemptpri must be 0..200` };
        out.kpreemptpri = v;
        break;
      case 'kpqpri':
        if (v < 0 || v > 200) return { ok: false, message: `kpqpri must be 0..200` };
        out.kpqpri = v;
        break;
      case 'upreemptpri':
        if (v < 0 || v > 200) return { ok: false, message: `upreemptpri must be 0..200` };
        out.upreemptpri = v;
        break;
      case 'rechoose_interval':
        if (v < 0) return { ok: false, message: `rechoose_interval must be 0 or more` };
        out.rechooseInterval = v;
        break;
      case 'nosteal_nsec':
        if (v < 0) return { ok: false, message: `nosteal_nsec must be 0 or more` };
        out.nostealNsec = v;
        break;
      default:
        // A name the table marks settable that this switch does not handle: the table and the
        // simulator disagree, which is a programming error.
        return { ok: false, message: `internal: settable tunable '${k}' has no simulator parameter` };
    }
  }
  return { ok: true, input: out };
}
