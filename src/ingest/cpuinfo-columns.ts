// Rebuilding the columns of `::cpuinfo [-v]` output whose runs of spaces were squeezed (a web
// page's copy) or shifted (a quote marker too many): the grammar tells the `-v` margin from the
// blocks by column, but a row's fields and a block line's words are unambiguous in order.
import type { SourceLine } from '../../grammar/common/source.ts';
import { CPU_FLAGS } from '../../illumos/index.ts';
import { ADDR_WIDTHS, CPUINFO_FLAGDELT, CPUINFO_THRDELT, flagNameEnd, snapAddrWidth, type AddrWidth } from '../../grammar/cpuinfo/layout.ts';

const FLAG_NAMES: ReadonlySet<string> = new Set(CPU_FLAGS.map((f) => f.name));

function words(line: string): string[] {
  return line.split(/[ \t]+/).filter((w) => w.length > 0);
}

/** The header as mdb prints it for address width `w` (trailing spaces aside). */
export function canonicalHeader(w: AddrWidth): string {
  return ` ID ${'ADDR'.padEnd(w)} FLG NRUN BSPL PRI RNRN KRNRN SWITCH ${'THREAD'.padEnd(w)} PROC`;
}

function isHeader(ws: readonly string[]): boolean {
  return ws[0] === 'ID' && ws[1] === 'ADDR' && ws[2] === 'FLG';
}

function isDecimal(w: string | undefined): boolean {
  return w !== undefined && w.length > 0 && w.length <= 12 && /^[0-9]+$/.test(w);
}
function isHex(w: string | undefined): boolean {
  return w !== undefined && w.length > 0 && w.length <= 16 && /^[0-9a-f]+$/.test(w);
}
function isYesNo(w: string | undefined): boolean {
  return w === 'yes' || w === 'no';
}

/** A CPU row's words: ID ADDR FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD [PROC...]. */
function isRow(ws: readonly string[]): boolean {
  const pri = ws[5];
  const sw = ws[8];
  return (
    ws.length >= 10 &&
    isDecimal(ws[0]) &&
    isHex(ws[1]) &&
    isHex(ws[2]) &&
    isDecimal(ws[3]) &&
    isDecimal(ws[4]) &&
    pri !== undefined &&
    (pri === '-' || isDecimal(pri.startsWith('-') ? pri.slice(1) : pri)) &&
    isYesNo(ws[6]) &&
    isYesNo(ws[7]) &&
    sw !== undefined &&
    (sw === '-' || /^t--?[0-9]+$/.test(sw)) &&
    isHex(ws[9])
  );
}

function row(ws: readonly string[], w: AddrWidth): string {
  const [id, addr, flg, nrun, bspl, pri, rnrn, krnrn, sw, thread] = ws as [string, string, string, string, string, string, string, string, string, string];
  const swCell = sw === '-' ? '-'.padEnd(6) : 't-' + sw.slice(2).padEnd(4);
  const proc = ws.slice(10).join(' ');
  return (
    `${id.padStart(3)} ${addr.padEnd(w)} ${flg.padStart(3)} ${nrun.padStart(4)} ${bspl.padStart(4)} ${pri.padStart(3)} ` +
    `${rnrn.padStart(4)} ${krnrn.padStart(5)} ${swCell} ${thread.padEnd(w)}` +
    (proc === '' ? ' ' : ` ${proc}`)
  );
}

/** The address width of the rows after a header (their ADDR words), or null when none follows. */
function widthBelow(lines: readonly SourceLine[], from: number): AddrWidth | null {
  for (let i = from; i < lines.length; i++) {
    const ws = words(lines[i]!.text);
    if (isHeader(ws)) return null;
    if (isRow(ws)) return snapAddrWidth(ws[1]!.length);
  }
  return null;
}

function headerIsCanonical(text: string): boolean {
  const t = text.trimEnd();
  return ADDR_WIDTHS.some((w) => t === canonicalHeader(w));
}

/** A `-v` line put back in its columns: the margin (flag name or bar), then the blocks beside it. */
function verbose(ws: readonly string[], w: AddrWidth, marginBarNext: boolean): string {
  let margin = '';
  let rest = ws;
  const first = ws[0];
  if (first !== undefined && FLAG_NAMES.has(first)) {
    margin = first.padStart(flagNameEnd(w));
    rest = ws.slice(1);
    if (rest[0] === '<--+') {
      margin += ' <--+';
      rest = rest.slice(1);
    }
  } else if (first === '|' && marginBarNext) {
    margin = '|'.padStart(CPUINFO_FLAGDELT(w) + 1);
    rest = ws.slice(1);
  }
  if (rest.length === 0) return margin;
  return margin.padEnd(CPUINFO_THRDELT(w)) + rest.join(' ');
}

/**
 * The section's lines with the columns of every CPU block rebuilt whose header is not where mdb
 * puts it; blocks under a header in place are left exactly as they are. Line numbers are kept.
 */
export function rebuildCpuinfoColumns(lines: SourceLine[]): SourceLine[] {
  let out: SourceLine[] | null = null;
  let width: AddrWidth | null = null;
  /** The next line under a row starts with the margin's bar. */
  let marginBarNext = false;
  /** The row had no PROC: the next line may be its name, wrapped by an old mdb. */
  let procMayFollow = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const ws = words(l.text);
    if (isHeader(ws)) {
      width = headerIsCanonical(l.text) ? null : widthBelow(lines, i + 1);
      if (width !== null) {
        out ??= lines.slice(0, i);
        out.push({ no: l.no, text: canonicalHeader(width) });
        continue;
      }
    } else if (width !== null && ws.length > 0) {
      let text: string;
      if (isRow(ws)) {
        text = row(ws, width);
        marginBarNext = true;
        procMayFollow = ws.length === 10;
      } else if (procMayFollow && ws[0] !== '|' && !FLAG_NAMES.has(ws[0]!)) {
        // mdb wrapped the name to column 0 of its own line.
        text = ws.join(' ');
        procMayFollow = false;
      } else {
        text = verbose(ws, width, marginBarNext);
        marginBarNext = false;
        procMayFollow = false;
      }
      out ??= lines.slice(0, i);
      out.push({ no: l.no, text });
      continue;
    }
    out?.push(l);
  }
  return out ?? lines;
}
