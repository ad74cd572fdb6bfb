// `::ps [-t] [-l] [-f] [-T -P -z -s]` output into PsRecords: one per process row, with the
// thread (`-t`) and LWP (`-l`) lines under it. Columns are read by the header's words, so the
// right-aligned (before 2019) and left-aligned layouts and the optional columns all read.
import { words } from '../common/lines.ts';
import { stateFromName, type ThreadState } from '../../illumos/index.ts';
import { normalizeAddr } from '../common/numbers.ts';
import type { Diagnostic, GrammarResult, SectionParser } from '../common/source.ts';
import type { PsRecord } from '../records.ts';

const BASE_COLUMNS = ['S', 'PID', 'PPID', 'PGID', 'SID', 'UID', 'FLAGS', 'ADDR', 'NAME'];
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['TASK', 'PROJ', 'ZONE', 'SERVICE']);
const STATES: ReadonlySet<string> = new Set(['S', 'R', 'Z', 'I', 'O', 'T', 'W', '?']);

/** The header's column names, or null when the line is not a `::ps` header. */
export function psHeader(text: string): string[] | null {
  const ws = words(text);
  if (ws[0] !== 'S' || ws[ws.length - 1] !== 'NAME') return null;
  const base = ws.filter((w) => !OPTIONAL_COLUMNS.has(w));
  if (base.length !== BASE_COLUMNS.length || base.some((w, i) => w !== BASE_COLUMNS[i])) return null;
  return ws;
}

function isDecimal(w: string | undefined): boolean {
  return w !== undefined && /^-?[0-9]+$/.test(w) && w.length <= 12;
}

/** `<TS_SLEEP>`: the thread state, or null when the text names none. */
function threadState(w: string | undefined): ThreadState | null {
  if (w === undefined || !w.startsWith('<') || !w.endsWith('>')) return null;
  return stateFromName(w.slice(1, -1));
}

/**
 * The words of a NAME that mdb wrapped onto the line after its row, or null when that line is not
 * one: mdb writes a NAME that does not fit the terminal at column 0 of the next line, so that line
 * is one word, which no header, T/L line or row is.
 */
function wrappedName(next: { text: string } | undefined): string[] | null {
  if (next === undefined || next.text.startsWith(' ')) return null;
  const ws = words(next.text);
  return ws.length === 1 ? ws : null;
}

export const parsePs: SectionParser = (lines): GrammarResult => {
  const records: PsRecord[] = [];
  const unrecognized: Diagnostic[] = [];
  let columns: string[] | null = null;
  let cur: PsRecord | null = null;
  const bad = (no: number, message: string) => unrecognized.push({ line: no, col: 1, message: `::ps: ${message}` });
  for (let i = 0; i < lines.length; i++) {
    const { no, text } = lines[i]!;
    const ws = words(text);
    if (ws.length === 0) continue;
    const header = psHeader(text);
    if (header !== null) {
      columns = header;
      cur = null;
      continue;
    }
    if ((ws[0] === 'T' || ws[0] === 'L') && cur !== null) {
      if (ws[0] === 'T' && ws.length === 3 && threadState(ws[2]) !== null) {
        const a = ws[1]!;
        cur.threads.push({ thread: normalizeAddr(a) ?? a, state: threadState(ws[2]), line: no });
        continue;
      }
      if (ws[0] === 'L' && ws[2] === 'ID:' && ws.length >= 4) {
        cur.lwps.push({ lwp: normalizeAddr(ws[1]!) ?? ws[1]!, desc: ws.slice(3).join(' '), line: no });
        continue;
      }
      bad(no, 'expected a T (thread) or L (lwp) line');
      continue;
    }
    const cols = columns ?? BASE_COLUMNS;
    // A NAME that did not fit the terminal is on the next line, alone (as ::cpuinfo's PROC).
    const wrapped = ws.length === cols.length - 1 && STATES.has(ws[0]!) ? wrappedName(lines[i + 1]) : null;
    if (wrapped !== null) {
      ws.push(...wrapped);
      i++;
    }
    // NAME is last and may hold spaces (`-f` prints the arguments).
    if (ws.length < cols.length || !STATES.has(ws[0]!)) {
      bad(no, columns === null ? 'not a ::ps row' : `expected ${cols.length} columns`);
      continue;
    }
    const values: Record<string, string> = {};
    cols.forEach((c, i) => (values[c] = i === cols.length - 1 ? ws.slice(i).join(' ') : ws[i]!));
    const addr = normalizeAddr(values['ADDR']!);
    if (!isDecimal(values['PID']) || !isDecimal(values['PPID']) || !isDecimal(values['UID']) || addr === null) {
      bad(no, 'a PID, PPID, UID or ADDR that is not a number');
      continue;
    }
    cur = {
      kind: 'ps',
      line: no,
      state: values['S']!,
      pid: Number(values['PID']),
      ppid: Number(values['PPID']),
      uid: Number(values['UID']),
      flags: values['FLAGS']!,
      addr,
      name: values['NAME']!,
      columns: values,
      threads: [],
      lwps: [],
    };
    records.push(cur);
  }
  return { records, unrecognized };
};
