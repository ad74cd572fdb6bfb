// Tunables and constants, with the defaults of the era the 1532 report came from (hz 100,
// kpreemptpri = maxclsyspri + 1 = 100, kpqpri following it, SDC top priority 99).
import type { SimParams } from './types.ts';

/** Tunable names `--what-if` and `--<name>` accept. */
export const TUNABLES = ['hz', 'kpreemptpri', 'kpqpri', 'upreemptpri', 'rechoose_interval', 'nosteal_ticks'] as const;
export type TunableName = (typeof TUNABLES)[number];

export type Era = 'G11' | 'G20';

export interface ParamInput {
  hz?: number;
  kpreemptpri?: number;
  kpqpri?: number;
  upreemptpri?: number;
  rechooseInterval?: number;
  nostealTicks?: number;
  /** G11: 2011 tree (SDC max 99); G20: after illumos 7232 (SDC max 98). */
  era?: Era;
  /** true when RT is loaded: interrupt threads then sit at 159 + PIL. */
  rtLoaded?: boolean;
}

export const MINCLSYSPRI = 60;
export const MAXCLSYSPRI = 99;

export function makeParams(p: ParamInput = {}): SimParams {
  const hz = p.hz ?? 100;
  const kpreemptpri = p.kpreemptpri ?? MAXCLSYSPRI + 1;
  return {
    hz,
    kpreemptpri,
    // dispinit() copies kpreemptpri into kpqpri unless /etc/system set it.
    kpqpri: p.kpqpri ?? kpreemptpri,
    upreemptpri: p.upreemptpri ?? 0,
    minclsyspri: MINCLSYSPRI,
    maxclsyspri: MAXCLSYSPRI,
    intrPri: p.rtLoaded === true ? 159 : MAXCLSYSPRI,
    sdcMaxPri: (p.era ?? 'G11') === 'G11' ? MAXCLSYSPRI : MAXCLSYSPRI - 1,
    rechooseInterval: p.rechooseInterval ?? 3,
    // nosteal_nsec is 100 us on i86pc, far below a tick: a fresh thread becomes stealable on the
    // next tick's idle pass (an over-estimate of at most one tick).
    nostealTicks: p.nostealTicks ?? 1,
    // sysdc_update_interval_msec 20 ms.
    sdcUpdateTicks: Math.max(1, Math.round((20 * hz) / 1000)),
  };
}

/** Applies `name=value` changes (kernel spelling) to a parameter input. Unknown names are errors. */
export function applyTunables(base: ParamInput, changes: Record<string, number>): { ok: true; input: ParamInput } | { ok: false; message: string } {
  const out: ParamInput = { ...base };
  for (const [k, v] of Object.entries(changes)) {
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
        out.kpqpri = v;
        break;
      case 'upreemptpri':
        out.upreemptpri = v;
        break;
      case 'rechoose_interval':
        out.rechooseInterval = v;
        break;
      case 'nosteal_ticks':
        out.nostealTicks = v;
        break;
      default:
        return { ok: false, message: `unknown tunable '${k}' (known: ${TUNABLES.join(', ')})` };
    }
  }
  return { ok: true, input: out };
}
