// `::cpuinfo` geometry, named as in mdb's genunix module. Shared by the grammar and the renderer,
// so a change of width reaches both. Columns are 0-based offsets into a line.

/** Hex digits of the ADDR and THREAD columns: amd64 mdb, other LP64 mdb (sparcv9, aarch64), ILP32 mdb. */
export type AddrWidth = 16 | 11 | 8;
export const ADDR_WIDTHS: readonly AddrWidth[] = [16, 11, 8];

export const CPUINFO_IDWIDTH = 3;
/** Flag names in the `-v` margin are right-aligned in this many characters. */
export const CPUINFO_FLAGWIDTH = 9;
/** Spaces between the margin's vertical bar and the block connector. */
export const CPUINFO_ITHRDELT = 4;

/** Width of the `-v` left margin (28 on amd64). */
export function CPUINFO_THRDELT(w: AddrWidth): number {
  return CPUINFO_IDWIDTH + w + 9;
}
/** Column of the margin's vertical bar (23 on amd64). */
export function CPUINFO_FLAGDELT(w: AddrWidth): number {
  return CPUINFO_IDWIDTH + w + 4;
}
/** Column just past the end of a right-aligned flag name in the margin (19 on amd64). */
export function flagNameEnd(w: AddrWidth): number {
  return CPUINFO_IDWIDTH + w;
}

/** Row column widths (minimums: wider values push the rest of the row right). */
export const COL = {
  id: CPUINFO_IDWIDTH,
  flg: 3,
  nrun: 4,
  bspl: 4,
  pri: 3,
  rnrn: 4,
  krnrn: 5,
  /** `SWITCH` header cell and the `-` value. */
  switch: 6,
  /** Digits after `t-`, left-aligned. */
  switchTicks: 4,
  /** PIL and run-queue PRI in the `-v` blocks. */
  blockPri: 3,
} as const;

/** The nearest supported width to a measured header gap (a header shifted by a stray space still reads). */
export function snapAddrWidth(measured: number): AddrWidth {
  let best: AddrWidth = 16;
  for (const w of ADDR_WIDTHS) if (Math.abs(w - measured) < Math.abs(best - measured)) best = w;
  return best;
}
