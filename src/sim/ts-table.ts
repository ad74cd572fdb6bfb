// The TS dispatch table as typed arrays, indexed by level (ts_cpupri / ts_umdpri).
import table from './data/ts_dptbl.json' with { type: 'json' };

export interface TsTable {
  quantum: Int32Array;
  tqexp: Int32Array;
  slpret: Int32Array;
  maxwait: Int32Array;
  lwait: Int32Array;
  /** ts_maxumdpri: the highest level (59). */
  maxumdpri: number;
}

export function defaultTsTable(): TsTable {
  const rows = table.rows;
  const n = rows.length;
  const t: TsTable = {
    quantum: new Int32Array(n),
    tqexp: new Int32Array(n),
    slpret: new Int32Array(n),
    maxwait: new Int32Array(n),
    lwait: new Int32Array(n),
    maxumdpri: n - 1,
  };
  rows.forEach((r, i) => {
    t.quantum[i] = r[0] as number;
    t.tqexp[i] = r[1] as number;
    t.slpret[i] = r[2] as number;
    t.maxwait[i] = r[3] as number;
    t.lwait[i] = r[4] as number;
  });
  return t;
}
