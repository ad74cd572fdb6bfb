// One benchmark figure: a median of several runs, next to a baseline measured in the same run.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The in-run baseline's figure in the same unit, or null when the row has none. */
  baseline: number | null;
  /** value / baseline (for throughputs higher is better), or null. */
  ratio: number | null;
}

export interface BenchOptions {
  quick: boolean;
}

/** Each bench module exports `run` with this shape; bench/run.ts gathers them. */
export type BenchModule = (opts: BenchOptions) => Promise<BenchRow[]>;
