// `::thread [-ipbsdm]` text, byte for byte as mdb prints it (thread.c): `ADDR` right in W, then
// each selected option group in p i b s d order; without -m each later group starts a new line
// led by W spaces, in the header and in every row. Values are taken as printed (the
// ThreadSummaryRecord `columns`), so parsed rows re-render exactly; a simulator fills them itself.
//
// What unknown values render as: a missing column prints `?` in its field. Values longer than a
// field are printed whole (mdb does the same for its `%Ns` fields).
// Text is returned as given (not neutralized).

export type ThreadColumnGroup = 'p' | 'i' | 'b' | 's' | 'd';

export interface ThreadRowView {
  /** Thread address, hex without `0x`; zero-padded to W on output. */
  addr: string;
  /** Column values keyed by header name (`STATE`, `FLG`, `SWITCH`, `SOBJ OPS`...). */
  columns: Readonly<Record<string, string>>;
}

export interface ThreadOptions {
  /** Option groups selected (`-i` is mdb's LP64 default). */
  groups: readonly ThreadColumnGroup[];
  /** `-m`: all groups on one line. */
  merge?: boolean;
  addrWidth?: 8 | 16;
  /** Print the header (mdb does, once, for the first thread of a walk). Default true. */
  header?: boolean;
  /** `-d` has SWITCH since illumos 3501 (2013); false for older mdb. Default true. */
  switchColumn?: boolean;
}

type Align = 'l' | 'r' | 'z';
/** name, header width and alignment, value width and alignment (`z`: zero-padded). W means pointer width. */
type Spec = [string, number | 'W', Align, number | 'W', Align];

const SPECS: Record<ThreadColumnGroup, Spec[]> = {
  p: [
    ['PROC', 'W', 'r', 'W', 'r'],
    ['LWP', 'W', 'r', 'W', 'r'],
    ['CRED', 'W', 'r', 'W', 'r'],
  ],
  i: [
    ['STATE', 8, 'r', 8, 'l'],
    ['FLG', 4, 'r', 4, 'r'],
    ['PFLG', 4, 'r', 4, 'r'],
    ['SFLG', 4, 'r', 4, 'r'],
    ['PRI', 5, 'r', 5, 'r'],
    ['EPRI', 5, 'r', 5, 'r'],
    ['PIL', 3, 'r', 3, 'r'],
    ['INTR', 'W', 'r', 'W', 'r'],
  ],
  b: [
    ['WCHAN', 'W', 'r', 'W', 'r'],
    ['TS', 'W', 'r', 'W', 'r'],
    ['PITS', 'W', 'r', 'W', 'r'],
    ['SOBJ OPS', 11, 'r', 11, 'r'],
  ],
  s: [
    ['SIGQUEUE', 'W', 'r', 'W', 'r'],
    ['SIG PEND', 16, 'r', 16, 'z'],
    ['SIG HELD', 16, 'r', 16, 'z'],
  ],
  d: [
    ['DISPTIME', 'W', 'r', 'W', 'r'],
    ['BOUND', 5, 'r', 5, 'r'],
    ['PR', 2, 'r', 2, 'r'],
    ['SWITCH', 6, 'l', 6, 'l'],
  ],
};

const ORDER: ThreadColumnGroup[] = ['p', 'i', 'b', 's', 'd'];

function field(text: string, width: number, align: Align): string {
  if (align === 'l') return text.padEnd(width);
  return text.padStart(width, align === 'z' ? '0' : ' ');
}

function specsFor(g: ThreadColumnGroup, opts: ThreadOptions): Spec[] {
  const s = SPECS[g];
  return g === 'd' && opts.switchColumn === false ? s.slice(0, 3) : s;
}

function lines(opts: ThreadOptions, first: string, cell: (s: Spec, w: number) => string): string {
  const w = opts.addrWidth ?? 16;
  const groups = ORDER.filter((g) => opts.groups.includes(g));
  let out = first;
  groups.forEach((g, i) => {
    if (i > 0 && !opts.merge) out += '\n' + ' '.repeat(w);
    for (const s of specsFor(g, opts)) out += ' ' + cell(s, w);
  });
  return out + '\n';
}

export function renderThreadHeader(opts: ThreadOptions): string {
  const w = opts.addrWidth ?? 16;
  return lines(opts, 'ADDR'.padStart(w), (s, ww) => field(s[0], s[1] === 'W' ? ww : s[1], s[2]));
}

export function renderThread(rows: readonly ThreadRowView[], opts: ThreadOptions): string {
  const w = opts.addrWidth ?? 16;
  let out = opts.header === false || rows.length === 0 ? '' : renderThreadHeader(opts);
  for (const r of rows) {
    out += lines(opts, field(r.addr, w, 'z'), (s, ww) => field(r.columns[s[0]] ?? '?', s[3] === 'W' ? ww : s[3], s[4]));
  }
  return out;
}
