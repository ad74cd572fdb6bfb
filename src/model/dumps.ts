// Which dump the records belong to. A report may paste `::status` of two dumps (a second host,
// the same panic again on vmcore.1): merged by CPU id and address, their sections would make one
// system that never existed (host B's name beside host A's panic and image, B's CPU 0 beside A's
// CPU 1). The snapshot is the first dump's; the sections after a `::status` naming another dump
// are read, counted and left out, until a `::status` names the first one again.
import type { MdbRecord, StatusRecord } from '../../grammar/records.ts';
import type { OtherDump } from './snapshot.ts';

interface DumpName {
  /** `crash dump vmcore.0`, `live kernel`. */
  target: string;
  host: string | null;
}

/** What the `debugging ... from HOST` line names; null for a `::status` pasted without it. */
function nameOf(rec: StatusRecord): DumpName | null {
  const target = rec.fields['target']?.value;
  return target === undefined ? null : { target, host: rec.fields['host']?.value ?? null };
}

/** `crash dump /var/crash/h/vmcore.3` and `crash dump vmcore.3` (mdb opened by path or by name) are one. */
function baseNames(target: string): string {
  return target
    .split(' ')
    .map((w) => w.slice(w.lastIndexOf('/') + 1))
    .join(' ');
}

/** One host missing (a line cut short) does not make another dump; a different host or target does. */
function same(a: DumpName, b: DumpName): boolean {
  return baseNames(a.target) === baseNames(b.target) && (a.host === null || b.host === null || a.host === b.host);
}

/** `crash dump vmcore.0 from chrufs`, as the `debugging ...` line names a dump. */
export function dumpTitle(target: string, host: string | null): string {
  return host === null ? target : `${target} from ${host}`;
}

function spell(n: DumpName): string {
  return dumpTitle(n.target, n.host);
}

export class DumpSeparator {
  private first: { name: DumpName; line: number } | null = null;
  private readonly others: (OtherDump & { dump: DumpName })[] = [];
  /** The other dump whose sections are being read now; null while they are the first dump's. */
  private current: (OtherDump & { dump: DumpName }) | null = null;

  /** Whether the record belongs to another dump than the first, and so stays out of the snapshot. */
  leavesOut(record: MdbRecord): boolean {
    if (record.kind === 'status') {
      const name = nameOf(record);
      if (name !== null && this.first === null) this.first = { name, line: record.line };
      else if (name !== null && same(name, this.first!.name)) this.current = null;
      else if (name !== null) {
        this.current = this.others.find((o) => same(o.dump, name)) ?? null;
        if (this.current === null) {
          this.current = { name: spell(name), line: record.line, records: 0, dump: name };
          this.others.push(this.current);
        }
      }
    }
    if (this.current === null) return false;
    this.current.records++;
    return true;
  }

  /** Whether the records added last were another dump's. */
  readingOther(): boolean {
    return this.current !== null;
  }

  /** The dumps left out, in the order the input named them. */
  otherDumps(): OtherDump[] {
    return this.others.map(({ name, line, records }) => ({ name, line, records }));
  }

  /** Why each was left out, for the model's notes. */
  notes(): { line: number; message: string }[] {
    const first = this.first;
    if (first === null) return [];
    return this.others.map((o) => ({
      line: o.line,
      message:
        `::status names another dump (${o.name}) than line ${first.line} (${spell(first.name)}): ` +
        `its ${o.records} record${o.records === 1 ? '' : 's'} (this ::status and the sections under it) were read but not judged, ` +
        `as merging two dumps by CPU id and address would make one system that never existed; paste it on its own to judge it`,
    }));
  }
}
