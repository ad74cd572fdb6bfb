// Evidence: input line numbers with their text, deduplicated. The line that shows the finding
// best comes first (SARIF's primary location); the rest follow in file order.
import type { Cpu, Thread } from '../model/snapshot.ts';
import type { Evidence, RuleContext } from './types.ts';

export class EvidenceSet {
  private readonly seen = new Set<number>();
  private key: number | null = null;
  constructor(private readonly ctx: RuleContext) {}

  /** Adds the line that shows the finding best; the first valid one given wins. */
  primary(line: number | null | undefined): this {
    this.add(line);
    if (this.key === null && line !== null && line !== undefined && this.seen.has(line)) this.key = line;
    return this;
  }

  add(line: number | null | undefined): this {
    if (line === null || line === undefined || !Number.isInteger(line)) return this;
    if (line < 1 || line > this.ctx.lines.length) return this;
    this.seen.add(line);
    return this;
  }

  has(line: number): boolean {
    return this.seen.has(line);
  }

  list(): Evidence[] {
    const rest = [...this.seen].filter((l) => l !== this.key).sort((a, b) => a - b);
    return (this.key !== null ? [this.key, ...rest] : rest).map((line) => ({ line, text: this.ctx.lines[line - 1] ?? '' }));
  }
}

/** The line of a CPU's `::cpuinfo` row: the first of the given fields the model recorded, else its earliest line. */
export function cpuLine(cpu: Cpu, ...fields: string[]): number | null {
  for (const f of [...fields, 'pri', 'runrun', 'kprunrun', 'switchTicks', 'id', 'thread']) {
    const l = cpu.lines[f];
    if (l !== undefined) return l;
  }
  let min: number | null = null;
  for (const l of Object.values(cpu.lines)) if (min === null || l < min) min = l;
  return min;
}

/** The line a wrapped process name sits on, when it is not on the row itself. */
export function cpuProcLine(cpu: Cpu): number | null {
  const l = cpu.lines['proc'];
  return l !== undefined && l !== cpuLine(cpu) ? l : null;
}

export function threadLine(t: Thread, field: string): number | null {
  return t.lines[field] ?? null;
}
