// One benchmark figure: a median of several runs, next to a baseline measured in the same run.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The in-run baseline's figure in the same unit, or null when the row has none. */
  baseline: number | null;
  /** value / baseline (for throughputs higher is better), or null. */
  ratio: number | null;
  /** The ratio the row should reach (at least; at most with `goalIsMax`), or null when it has no goal. */
  goal?: number | null;
  /** The goal is a ceiling (a time against a baseline: start-up), not a floor. */
  goalIsMax?: boolean;
}

/** A row as the run reports it: whether it met its goal, and when and at which commit it was measured. */
export interface StampedRow extends BenchRow {
  goal: number | null;
  /** ratio >= goal (<= with goalIsMax); null without a goal or a ratio. */
  met: boolean | null;
  /** ISO date and time of the run. */
  date: string;
  /** `git rev-parse --short HEAD` of the tree measured (with `+dirty` for uncommitted changes), or null outside git. */
  commit: string | null;
  /** The 1-minute load average when the run started: other work on the machine skews every figure. */
  load: number;
}

export interface BenchOptions {
  quick: boolean;
}

/** Each bench module exports `run` with this shape; bench/run.ts gathers them. */
export type BenchModule = (opts: BenchOptions) => Promise<BenchRow[]>;
