// Values shown at more than one moment: one CPU by two `::cpuinfo` outputs, a variable before and
// after an mdb write. The builder merges later over earlier; this keeps what it needs to say what
// that merge kept, dropped or could not tell, and which value of a written tunable the rules judge
// the CPUs with.
import type { Addr } from '../../illumos/index.ts';
import type { QueueFate } from './cpu.ts';
import type { DispatcherSnapshot } from './snapshot.ts';

/** A write (`kpreemptpri/W 0t99`): the value before it (its own reading, else an earlier read) and after. */
export interface Write {
  name: string;
  /** A tunable the snapshot keeps (else a thread field). */
  tunable: boolean;
  before: number | null;
  after: number;
  line: number;
}

interface Note {
  line: number;
  message: string;
}

/** Up to `max` items joined with commas, then how many more. */
function some<T>(xs: readonly T[], max: number, say: (x: T) => string, sep = ', '): string {
  return xs.slice(0, max).map(say).join(sep) + (xs.length > max ? `, and ${xs.length - max} more` : '');
}

export class Moments {
  private readonly moved: { id: number; line: number; addr: Addr; before: Addr; beforeLine: number }[] = [];
  private readonly fates: { id: number; line: number; fate: NonNullable<QueueFate> }[] = [];
  private readonly writes: Write[] = [];
  /** The line of the last `::cpuinfo` row: the moment the CPUs shown are of. */
  private lastCpuLine: number | null = null;

  cpuShown(line: number): void {
    this.lastCpuLine = line;
  }

  /** One CPU id at a second cpu_t address. */
  cpuMoved(id: number, line: number, addr: Addr, before: Addr, beforeLine: number): void {
    this.moved.push({ id, line, addr, before, beforeLine });
  }

  /** What a merge did with a queue the later row did not show (cpu.ts mergeCpu). */
  queueFate(id: number, line: number, fate: QueueFate): void {
    if (fate !== null) this.fates.push({ id, line, fate });
  }

  written(w: Write): void {
    this.writes.push(w);
  }

  /** Gives each written tunable the value the CPUs shown ran under; returns what to tell the reader. */
  settle(snap: DispatcherSnapshot): Note[] {
    return [...this.settleWrites(snap), ...this.movedNote(), ...this.fateNotes()];
  }

  /**
   * A write changes a variable from its line on. The rules judge the CPUs shown, so a tunable
   * written after the last `::cpuinfo` is judged with the value that CPU state ran under: the
   * value before the first such write (stated by the input, never guessed). Each write is a note.
   */
  private settleWrites(snap: DispatcherSnapshot): Note[] {
    const cpus = this.lastCpuLine;
    const notes: Note[] = [];
    for (const w of this.writes) {
      const after = cpus !== null && w.tunable && cpus < w.line;
      const first = after ? this.writes.find((x) => x.name === w.name && x.line > cpus) : undefined;
      let why: string;
      if (!after) why = `the snapshot uses ${w.after} from here on; output printed before line ${w.line} shows the system as it ran with the old value`;
      else if (first !== w) why = `the CPUs were shown before the first write to it (line ${first!.line}), and the rules judge them with the value before that one`;
      else if (w.before !== null) {
        snap.tunables[w.name] = w.before;
        snap.tunableLines[w.name] = w.line;
        why = `the CPUs were shown before it (line ${cpus}), so the rules judge them with ${w.before}, the value they ran under`;
      } else {
        delete snap.tunables[w.name];
        delete snap.tunableLines[w.name];
        why = `the CPUs were shown before it (line ${cpus}), under a value the input does not show, so the rules do not use one`;
      }
      notes.push({ line: w.line, message: `${w.name} was written here (${w.before ?? 'an old value not shown'} before, ${w.after} read back): ${why}` });
    }
    return notes;
  }

  /**
   * A CPU keeps its cpu_t from the moment it is configured until it is removed, so one CPU id at
   * two addresses means two boots or two systems, merged as one: said once, with the first few.
   */
  private movedNote(): Note[] {
    const m = this.moved;
    if (m.length === 0) return [];
    const shown = some(m, 3, (c) => `CPU ${c.id} is cpu_t ${c.before} at line ${c.beforeLine} and ${c.addr} at line ${c.line}`, '; ');
    return [
      {
        line: m[0]!.line,
        message:
          `${shown}: a CPU keeps its cpu_t until it is removed, so these ::cpuinfo outputs come from two boots ` +
          `or two systems; each CPU keeps the values shown last, which may stand beside values from the other, so findings ` +
          `about these CPUs may mix them. Paste each dump on its own, or with its ::status, to judge it alone`,
      },
    ];
  }

  /** One note for the queues a later plain ::cpuinfo kept, one for those it dropped. */
  private fateNotes(): Note[] {
    const notes: Note[] = [];
    const kept = this.fates.filter((x) => 'kept' in x.fate);
    const dropped = this.fates.filter((x) => 'dropped' in x.fate);
    const where = (x: (typeof this.fates)[number]) => `CPU ${x.id} (line ${'kept' in x.fate ? x.fate.kept : x.fate.dropped}, again at line ${x.line})`;
    if (kept.length > 0) {
      notes.push({
        line: kept[0]!.line,
        message:
          `a later ::cpuinfo without -v shows no run queue and the same running thread for ${some(kept, 4, where)}: ` +
          `the run queue and interrupt threads the earlier ::cpuinfo -v showed are kept, with the later row's other values (in a dump both show one moment)`,
      });
    }
    if (dropped.length > 0) {
      notes.push({
        line: dropped[0]!.line,
        message:
          `a later ::cpuinfo without -v shows another thread running on ${some(dropped, 4, where)}: ` +
          `the run queue the earlier ::cpuinfo -v showed was of another moment and is not used; the queue now is not shown`,
      });
    }
    return notes;
  }
}
