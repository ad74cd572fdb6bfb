// mdb fed its commands by a shell here-document (`mdb -k <<EOF` ... `EOF`): the commands come
// first and all their output after the terminator, with no prompt between. The commands are
// queued here, and each output the splitter recognises by its shape asks for the one it belongs to.
import type { ParsedCommand } from '../../grammar/common/command-types.ts';
import { isBlank } from './lines.ts';
import { kindOfCommand } from './kind.ts';
import { MAX_FED, readHeredocLine, type FedCommand, type Heredoc } from './prompt.ts';
import type { SectionKind } from './types.ts';
import { toAddr } from '../../illumos/index.ts';

/** A command a here-document gave mdb, waiting for its output. */
export interface QueuedCommand {
  command: string;
  parsed: ParsedCommand;
  kind: SectionKind;
}

/**
 * Output that does not name what it belongs to: `::print` members, `$C` frames. Two such outputs
 * of a kind in a row read as one, and one command may print nothing: given by order, the values of
 * one thread could go to another. (A format's rows carry their address or symbol: see take.)
 */
const OWNERLESS: ReadonlySet<SectionKind> = new Set(['print', 'frames']);

/** What a here-document line was: its end, a blank line (mdb skips it), or a command. */
export type HeredocLine = 'end' | 'blank' | 'command';

export class HeredocQueue {
  /** The here-document being read, up to its terminator. */
  private reading: (Heredoc & { commands: QueuedCommand[] }) | null = null;
  /**
   * Its commands once it ended, waiting for their output: output recognised by its shape takes the
   * first of its kind, and those before it printed nothing read (an ownerless kind only when one
   * command of it was given: see unambiguous).
   */
  private queued: QueuedCommand[] = [];

  /** A shell line opened a here-document; what was queued before is over. */
  begin(h: Heredoc): void {
    this.queued = [];
    this.reading = { ...h, commands: [] };
  }

  /** Whether the lines now pushed are a here-document's. */
  get isReading(): boolean {
    return this.reading !== null;
  }

  /**
   * A line of the here-document; null when it is not one of its lines (not mdb's commands after
   * all, or the paste cut the terminator off): reading ends, and the line is read as any other.
   */
  line(text: string): HeredocLine | null {
    const h = this.reading!;
    if (text.trim() === h.word) {
      this.queued = unambiguous(h.commands);
      this.reading = null;
      return 'end';
    }
    if (isBlank(text)) return 'blank';
    const cmd = h.commands.length < MAX_FED ? readHeredocLine(text) : null;
    if (cmd === null) {
      this.reading = null;
      return null;
    }
    queue(h.commands, cmd);
    return 'command';
  }

  /** A shell line piped these commands into mdb (`printf '::status\n::cpuinfo\n' | mdb -k`): their output follows, as a here-document's. */
  feed(commands: readonly FedCommand[]): void {
    this.reading = null;
    const queued: QueuedCommand[] = [];
    for (const c of commands) queue(queued, c);
    this.queued = unambiguous(queued);
  }

  /** A prompt, or a person's words, end what the here-document's commands printed: output after them is not theirs. */
  clear(): void {
    this.queued = [];
  }

  /**
   * The queued command whose output starts with `text`, of this kind: a format's by the address or
   * symbol its row is labelled with (taken from where it is), any other's the first of its kind
   * (and the ones before it, which printed nothing read, gone); null when none.
   */
  take(kind: SectionKind, text: string): QueuedCommand | null {
    if (this.queued.length === 0) return null;
    if (kind === 'format') {
      const k = this.formatFor(text);
      return k < 0 ? null : this.queued.splice(k, 1)[0]!;
    }
    const k = this.queued.findIndex((q) => q.kind === kind);
    if (k < 0) return null;
    const q = this.queued[k]!;
    this.queued.splice(0, k + 1);
    return q;
  }

  /** Whether a format row is a new output: a queued format command names its label (even right after a format's rows). */
  startsFormat(row: string): boolean {
    return this.formatFor(row) >= 0;
  }

  private formatFor(row: string): number {
    const label = this.queued.length === 0 ? null : formatLabel(row);
    return label === null ? -1 : this.queued.findIndex((q) => q.kind === 'format' && formatLabel(q.command) === label);
  }
}

/**
 * What a format's row or command names before its `:` or `/`: `kpreemptpri` from `kpreemptpri:`
 * and `kpreemptpri/D`, an address without its `0x` and leading zeros; null when neither.
 */
function formatLabel(text: string): string | null {
  const t = text.trim();
  let end = 0;
  while (end < t.length && t[end] !== ':' && t[end] !== '/' && t[end] !== ',' && t[end] !== ' ') end++;
  const name = t.slice(0, end);
  if (name.length === 0) return null;
  return toAddr(name) ?? name;
}

/** Adds a command to a queue, its kind read after the one before it (a bare address repeats that one). */
function queue(commands: QueuedCommand[], c: FedCommand): void {
  commands.push({ command: c.command, parsed: c.parsed, kind: kindOfCommand(c.parsed, commands.at(-1)?.kind ?? null) });
}

/** A here-document's commands that output can be given to safely: of an ownerless kind, only one alone of it. */
function unambiguous(commands: QueuedCommand[]): QueuedCommand[] {
  const count = new Map<SectionKind, number>();
  for (const c of commands) count.set(c.kind, (count.get(c.kind) ?? 0) + 1);
  return commands.filter((c) => !OWNERLESS.has(c.kind) || count.get(c.kind) === 1);
}
