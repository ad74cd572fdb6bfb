// `addr/fmt` and `=fmt` output, byte for byte (mdb_cmds.c print_arglist, mdb_fmt.c, mdb_io.c):
// an exact symbol first gets a `sym:` line; the label is `%-#16a` then `%16T`; each value is
// left-aligned in its column (so lines end in blanks); auto-wrap at 80 columns is always on for
// format commands, continuation lines indented 16, and a pad that would reach column 80 becomes
// the newline instead.
import { toSigned } from '../../grammar/common/numbers.ts';
import { toAddr, type Addr } from '../../illumos/index.ts';

export type FormatLetter = 'D' | 'U' | 'X' | 'J' | 'K' | 'E' | 'e';

export interface FormatRenderOptions {
  /** Widths of `E`/`e` grew from 16 to 21 in 2019 (illumos 11207). Default: current. */
  era?: 'current' | 'pre2019';
  /** Output width (mdb's default when the terminal width is unknown is 80). */
  columns?: number;
  /** Indent margin of format output (16; old Solaris `=` output shows 8). */
  margin?: number;
  /** `K` is `J` on 64-bit mdb, `X` on 32-bit mdb. */
  pointerBits?: 32 | 64;
}

const MASK32 = (1n << 32n) - 1n;
const MASK64 = (1n << 64n) - 1n;

/** mdb_fmt.c fmt_hex64: `%-16llx`, or `%-17llx` when the top nibble is set. */
function hex64(v: bigint): { text: string; width: number } {
  const u = v & MASK64;
  return { text: u.toString(16), width: u >> 60n !== 0n ? 17 : 16 };
}

function big(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
}

/** One value as its conversion prints it, with the column width it is left-aligned in. */
export function formatCell(fmt: FormatLetter, value: number | bigint, opts: FormatRenderOptions = {}): { text: string; width: number } {
  const v = big(value);
  const wide = opts.era === 'pre2019' ? 16 : 21;
  switch (fmt) {
    case 'D':
      return { text: toSigned(v & MASK32, 32).toString(), width: 16 };
    case 'U':
      return { text: (v & MASK32).toString(), width: 16 };
    case 'X':
      return { text: (v & MASK32).toString(16), width: 16 };
    case 'K':
      // K is X on 32-bit mdb, J on 64-bit mdb.
      return opts.pointerBits === 32 ? { text: (v & MASK32).toString(16), width: 16 } : hex64(v);
    case 'J':
      return hex64(v);
    case 'E':
      return { text: (v & MASK64).toString(), width: wide };
    case 'e':
      return { text: toSigned(v & MASK64, 64).toString(), width: wide };
  }
}

/** `0x` + hex for an address with no symbol (no prefix for 0-9, as `%#a` prints them). */
function addrLabel(a: Addr): string {
  return a.length === 1 && a >= '0' && a <= '9' ? a : '0x' + a;
}

/** A tiny model of mdb's output buffer: column, indent margin, wrap at `columns`. */
class Iob {
  private out = '';
  private col = 0;
  indent = false;

  constructor(
    private readonly columns: number,
    private readonly margin: number,
  ) {}

  nl(): void {
    this.out += '\n';
    this.col = 0;
  }

  private lineStart(): void {
    if (this.col === 0 && this.indent) {
      this.out += ' '.repeat(this.margin);
      this.col = this.margin;
    }
  }

  /** A converted value or label: wraps first when it would pass the last column. */
  chunk(text: string, width: number): void {
    if (this.col !== 0 && this.col + width > this.columns) this.nl();
    this.lineStart();
    this.out += text;
    this.col += text.length;
  }

  /** Left-alignment padding (mdb_iob_ws): a pad reaching the last column becomes the newline. */
  pad(n: number): void {
    if (n <= 0) return;
    if (this.col + n >= this.columns) this.nl();
    else {
      this.out += ' '.repeat(n);
      this.col += n;
    }
  }

  /** `%NT`: pad to the next multiple of N, unless already on one. */
  tabTo(n: number): void {
    if (this.col % n === 0) return;
    const next = (Math.floor(this.col / n) + 1) * n;
    if (next < this.columns) {
      this.out += ' '.repeat(next - this.col);
      this.col = next;
    } else this.nl();
  }

  text(): string {
    return this.col > 0 ? this.out + '\n' : this.out;
  }
}

/**
 * Renders `addr/fmt` output (`addrOrSymbol` is an address like `ffffff01dde41b90`, or a symbol
 * like `kpreemptpri` or `p0+0x10`), or `=fmt` output when `addrOrSymbol` is null. A symbol with
 * no offset is taken to be exact and gets the `sym:` line first. Values are read at the format's
 * size (`D` of 0xff9b0253 prints -6618541). The result ends with a newline.
 */
export function renderFormat(
  addrOrSymbol: string | null,
  fmt: FormatLetter,
  values: readonly (number | bigint)[],
  opts: FormatRenderOptions = {},
): string {
  const margin = opts.margin ?? 16;
  const iob = new Iob(opts.columns ?? 80, margin);
  let head = '';
  if (addrOrSymbol !== null) {
    let label: string;
    const a = toAddr(addrOrSymbol);
    if (a !== null) label = addrLabel(a);
    else {
      label = addrOrSymbol;
      if (!label.includes('+') && !label.includes('-')) head = `${label}:\n`;
    }
    const l = label + ':';
    iob.chunk(l.padEnd(margin), Math.max(margin, l.length));
    iob.tabTo(16);
  }
  iob.indent = true;
  for (const v of values) {
    const cell = formatCell(fmt, v, opts);
    iob.chunk(cell.text, cell.width);
    iob.pad(cell.width - cell.text.length);
  }
  return head + iob.text();
}
