// Builds PrintRecords from described lines with an explicit stack (no recursion), so thousands of
// nested braces cost linear time and constant call-stack depth.
import { isHexDigits, normalizeAddr } from '../common/numbers.ts';
import type { PrintField, PrintRecord } from '../records.ts';
import type { PrintLine, Seg } from './lines.ts';
import type { PrintCommand } from './command.ts';

/** A problem with a line that parsed: where (offset in the logical line) and why. */
export interface Problem {
  offset: number;
  message: string;
}

interface Frame {
  kind: 'struct' | 'array';
  children: PrintField[];
}

interface Open {
  rec: PrintRecord;
  mode: 'struct' | 'members' | 'sizeof';
  /** Names seen at the top level of a member-path record (a repeat starts the next object of a walk). */
  names: Set<string>;
  typeless: boolean;
}

interface Decl {
  addr: string | null;
  type: string | null;
  name: string;
}

/** `ffffff01dde41b90`, `0`, `20`, `ffffff01dde41b90.3` (bit-field): what `-a` prints before a member. */
function isAddrLike(s: string): boolean {
  const dot = s.indexOf('.');
  const body = dot < 0 ? s : s.slice(0, dot);
  const bit = dot < 0 ? null : s.slice(dot + 1);
  const hex = body.startsWith('0x') || body.startsWith('0X') ? body.slice(2) : body;
  return isHexDigits(hex) && (bit === null || isHexDigits(bit));
}

/** How print_int_val spells an integer: `0x64`, `0t100` (-d), or one digit (`0`, `9` under -d). */
function isNumberText(s: string): boolean {
  if (s.length === 1) return s >= '0' && s <= '9';
  if (s.length < 3 || s[0] !== '0') return false;
  const p = s[1];
  if (p === 'x' || p === 'X') return isHexDigits(s.slice(2));
  if (p !== 't' && p !== 'T') return false;
  for (let i = 2; i < s.length; i++) if (s[i]! < '0' || s[i]! > '9') return false;
  return true;
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdentChar(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}

/** The name mdb gives an anonymous member. */
const ANON = '<anon>';

/** `t_pri`, `p_user.u_comm`, `t_disp_queue->disp_cpu`, `cpu_stats.sys`, `a[3].b`, `<anon>.x`, or `<<HOLE>>`. */
function isMemberPath(s: string): boolean {
  if (s === '<<HOLE>>') return true;
  let i = 0;
  const ident = (): boolean => {
    // mdb names an anonymous struct or union member `<anon>` (illumos test mdb/sou/tst.anon).
    if (s.startsWith(ANON, i)) {
      i += ANON.length;
      return true;
    }
    if (i >= s.length || !isIdentStart(s[i]!)) return false;
    while (i < s.length && isIdentChar(s[i]!)) i++;
    return true;
  };
  if (!ident()) return false;
  while (i < s.length) {
    if (s[i] === '.') {
      i++;
      if (!ident()) return false;
    } else if (s[i] === '-' && s[i + 1] === '>') {
      i += 2;
      if (!ident()) return false;
    } else if (s[i] === '[') {
      i++;
      const d = i;
      while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
      if (i === d || s[i] !== ']') return false;
      i++;
    } else return false;
  }
  return true;
}

function addrOf(seg: Seg): string {
  const dot = seg.text.indexOf('.');
  const body = dot < 0 ? seg.text : seg.text.slice(0, dot);
  const norm = normalizeAddr(body) ?? body.toLowerCase();
  return dot < 0 ? norm : norm + seg.text.slice(dot);
}

export class PrintAssembler {
  readonly records: PrintRecord[] = [];
  private open: Open | null = null;
  private readonly stack: Frame[] = [];

  constructor(private readonly cmd: PrintCommand | null) {}

  /** Reads one described line; returns a problem when the line does not fit where it stands. */
  add(line: PrintLine, text: string, no: number, trailingBlank: boolean): Problem | null {
    switch (line.kind) {
      case 'sizeof':
        this.finish();
        this.records.push({
          kind: 'print',
          line: no,
          addr: null,
          type: line.type,
          fields: [{ name: 'sizeof', type: null, addr: null, value: line.value, children: null, line: no }],
        });
        return null;
      case 'close':
        return this.close();
      case 'closeArray':
        return this.closeArray(line.elided, no);
      case 'open':
        return this.openLine(line.segs, line.elided, text, no);
      case 'member':
        return this.member(line, text, no, trailingBlank);
    }
  }

  /** Ends the section: records still open are kept as they are (a paste may stop mid-struct). */
  end(): PrintRecord[] {
    this.finish();
    return this.records;
  }

  private finish(): void {
    this.open = null;
    this.stack.length = 0;
  }

  private flags(): { addr: boolean | null; type: boolean | null } {
    return this.cmd ? { addr: this.cmd.showAddr, type: this.cmd.showType } : { addr: null, type: null };
  }

  private newRecord(no: number, mode: Open['mode'], addr: string | null, type: string | null): Open {
    this.finish();
    const rec: PrintRecord = {
      kind: 'print',
      line: no,
      addr: addr ?? this.cmd?.addr ?? null,
      type: this.cmd?.type ?? type,
      fields: [],
    };
    this.records.push(rec);
    this.open = { rec, mode, names: new Set(), typeless: this.cmd?.typeless ?? false };
    return this.open;
  }

  private close(): Problem | null {
    const top = this.stack[this.stack.length - 1];
    if (!top || top.kind !== 'struct') return { offset: 0, message: "'}' with no open '{'" };
    this.stack.pop();
    if (this.stack.length === 0 && this.open?.mode === 'struct') this.open = null;
    return null;
  }

  private closeArray(elided: boolean, no: number): Problem | null {
    const top = this.stack[this.stack.length - 1];
    if (!top || top.kind !== 'array') return { offset: 0, message: "']' with no open array of structs" };
    if (elided) top.children.push({ name: '...', type: null, addr: null, value: null, children: null, line: no });
    this.stack.pop();
    return null;
  }

  /** Splits `[addr] [type] name [:bits]` (role member) or `[addr] [type]` (role head). */
  private decl(segs: Seg[], text: string, role: 'member' | 'head'): Decl | Problem {
    const f = this.flags();
    const rest = segs.slice();
    let name = '';
    let nameStart = rest.length > 0 ? rest[rest.length - 1]!.end : 0;
    if (role === 'member') {
      if (rest.length > 1 && rest[rest.length - 1]!.text.startsWith(':')) rest.pop(); // bit-field width
      const seg = rest.pop();
      if (!seg) return { offset: 0, message: 'expected a member name' };
      let stars = 0;
      while (stars < seg.text.length && seg.text[stars] === '*') stars++;
      name = seg.text.slice(stars);
      nameStart = seg.start + stars;
      if (!isMemberPath(name)) return { offset: nameStart, message: `'${name.slice(0, 24)}' is not a member name` };
      if (stars > 0) rest.push({ text: '', start: seg.start, end: seg.start });
    }
    let addr: string | null = null;
    const first = rest[0];
    const wantAddr = f.addr ?? (first !== undefined && first.text !== '' && isAddrLike(first.text));
    if (wantAddr) {
      if (!first || !isAddrLike(first.text)) return { offset: first?.start ?? 0, message: 'expected the member address (-a)' };
      addr = addrOf(first);
      rest.shift();
    }
    let type: string | null = null;
    if (rest.length > 0) {
      type = text.slice(rest[0]!.start, role === 'member' ? nameStart : rest[rest.length - 1]!.end).trimEnd();
      if (type === '') type = null;
    }
    if (type !== null && f.type === false) return { offset: rest[0]!.start, message: 'unexpected text before the member name' };
    return { addr, type, name };
  }

  /**
   * `ADDR::print [type]` of a variable that is not a struct prints its value alone, after the
   * address (-a) and type (-t) if asked: `0x64`, `0t100`, `fffffffffbc3c5d0 pri_t 0x64`.
   */
  private isScalarLine(segs: readonly Seg[]): boolean {
    const c = this.cmd;
    if (c === null || c.typeless || c.members.length > 0 || (c.addr === null && c.symbol === null)) return false;
    if (this.stack.length > 0 || this.open !== null) return false;
    const last = segs[segs.length - 1];
    return last !== undefined && isNumberText(last.text);
  }

  /**
   * A type listing (`::print -t TYPE`, no address) ends each member with a blank where a value would
   * stand, and an editor that strips trailing blanks takes that mark away. With no command to say
   * whether values were printed, a member inside braces that names its type (`int frodo`,
   * `0 char sam`) and has no value is taken as such a line; a lone word there stays a problem.
   */
  private isStrippedTypeLine(segs: readonly Seg[]): boolean {
    if (this.cmd !== null || this.stack.length === 0) return false;
    // A type and a name at least (a bit-field's `:N` is neither).
    return segs.filter((s) => !s.text.startsWith(':')).length >= 2;
  }

  private scalar(segs: Seg[], text: string, no: number): Problem | null {
    const value = segs[segs.length - 1]!;
    const d = this.decl(segs.slice(0, -1), text, 'head');
    if ('message' in d) return d;
    this.finish();
    const rec: PrintRecord = {
      kind: 'print',
      line: no,
      addr: d.addr ?? this.cmd!.addr,
      type: this.cmd!.type ?? d.type,
      ...(this.cmd!.symbol !== null ? { symbol: this.cmd!.symbol } : {}),
      fields: [{ name: '', type: d.type, addr: d.addr, value: value.text, children: null, line: no }],
    };
    this.records.push(rec);
    return null;
  }

  private parent(): PrintField[] | null {
    const top = this.stack[this.stack.length - 1];
    return top ? top.children : null;
  }

  private openLine(segs: Seg[], elided: boolean, text: string, no: number): Problem | null {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      // `{`, `addr {`, `[addr] type {`: a whole object at the top level.
      const d = this.decl(segs, text, 'head');
      if ('message' in d) return d;
      const o = this.newRecord(no, 'struct', d.addr, d.type);
      if (!elided) this.stack.push({ kind: 'struct', children: o.rec.fields });
      else this.open = null;
      return null;
    }
    const role = top.kind === 'array' ? 'head' : 'member';
    const d = this.decl(segs, text, role);
    if ('message' in d) return d;
    const field: PrintField = { name: d.name, type: d.type, addr: d.addr, value: elided ? '{ ... }' : null, children: elided ? null : [], line: no };
    top.children.push(field);
    if (!elided) this.stack.push({ kind: 'struct', children: field.children! });
    if (role === 'member' && this.open) this.open.typeless = true;
    return null;
  }

  private member(line: Extract<PrintLine, { kind: 'member' }>, text: string, no: number, trailingBlank: boolean): Problem | null {
    const v = line.value;
    if (v === null && this.isScalarLine(line.segs)) return this.scalar(line.segs, text, no);
    if (v === null && !(trailingBlank || this.open?.typeless || this.cmd?.typeless || this.isStrippedTypeLine(line.segs))) {
      return { offset: line.segs[line.segs.length - 1]?.end ?? 0, message: "expected ' = ' and a value after the member name" };
    }
    if (v?.kind === 'missing') return { offset: v.start, message: "expected a value after '='" };
    if (v?.kind === 'array' && !v.closed) return { offset: text.length, message: "unclosed '[' in the value" };
    if (v?.kind === 'array' && v.trailingAt >= 0) return { offset: v.trailingAt, message: "unexpected text after ']'" };
    const d = this.decl(line.segs, text, 'member');
    if ('message' in d) return d;
    let siblings = this.parent();
    if (siblings === null) {
      // A member path at the top level (`addr::print type a b.c`): one record per object printed.
      let o = this.open;
      if (o === null || o.mode !== 'members' || o.names.has(d.name)) o = this.newRecord(no, 'members', null, null);
      o.names.add(d.name);
      siblings = o.rec.fields;
    }
    const field: PrintField = { name: d.name, type: d.type, addr: d.addr, value: null, children: null, line: no };
    siblings.push(field);
    if (v === null) {
      if (this.open) this.open.typeless = true;
      return null;
    }
    switch (v.kind) {
      case 'struct':
        field.children = [];
        this.stack.push({ kind: 'struct', children: field.children });
        break;
      case 'arrayOpen':
        field.value = '[';
        field.children = [];
        this.stack.push({ kind: 'array', children: field.children });
        break;
      default:
        field.value = v.text;
    }
    return null;
  }
}
