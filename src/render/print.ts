// `::print` output, byte for byte (mdb_print.c elt_print, print_sou, print_array, print_close_sou):
// 4 spaces per level; `-a` puts the member address (hex, no 0x) first; `-t` puts the type before
// the name, glued to it when the type ends in `*`; ` = value`; `{`/`}` around structs; `[`, elements
// `{ ... },` and `]` for arrays of structs; without values (`::print -t type` with no address) a
// member line ends in a blank. Rendering uses an explicit stack, so any depth is safe.
import { fieldType, interpretBig, type CType, type DataModel } from '../model/ctypes.ts';
import type { Thread } from '../model/snapshot.ts';
import { stateCode } from '../../illumos/index.ts';

/** What the renderer needs of a field: a PrintField without line numbers. */
export interface PrintFieldInput {
  name: string;
  type?: string | null;
  addr?: string | null;
  value?: string | null;
  children?: readonly PrintFieldInput[] | null;
}

export interface PrintOptions {
  /** `-a`: member addresses. */
  showAddr?: boolean;
  /** `-t`: member types. */
  showType?: boolean;
  /** False for `::print -t type` with no address: no values, lines end in a blank. Default true. */
  showValues?: boolean;
}

type Work = { kind: 'field'; f: PrintFieldInput; depth: number; element: boolean } | { kind: 'text'; text: string };

function pad(depth: number): string {
  return ' '.repeat(depth * 4);
}

/** `[addr ][type ]name`, the type glued to the name when it ends in `*` (mdb avoids `label_t * t_onfault`). */
function declOf(f: PrintFieldInput, opts: PrintOptions, glue: boolean): string {
  let s = '';
  if (opts.showAddr && f.addr) s += f.addr + ' ';
  if (opts.showType && f.type) s += f.type + (glue && f.type.endsWith('*') ? '' : ' ');
  return s + f.name;
}

function render(top: readonly Work[], opts: PrintOptions): string {
  const out: string[] = [];
  const stack: Work[] = [...top].reverse();
  const values = opts.showValues !== false;
  while (stack.length > 0) {
    const w = stack.pop()!;
    if (w.kind === 'text') {
      out.push(w.text);
      continue;
    }
    const { f, depth, element } = w;
    const ind = pad(depth);
    const kids = f.children ?? null;
    if (element) {
      // An element of an array of structs: no name, no ` = `, `{` ... `},`.
      if (f.name === '...') {
        continue; // the `... ]` marker is handled by the array
      }
      const head = ind + declOf({ ...f, name: '' }, opts, false);
      if (kids === null) {
        out.push(head + (f.value ?? '{ ... }'));
        continue;
      }
      out.push(head + '{');
      stack.push({ kind: 'text', text: ind + '},' });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ kind: 'field', f: kids[i]!, depth: depth + 1, element: false });
      continue;
    }
    const decl = ind + declOf(f, opts, true);
    if (!values) {
      out.push(kids !== null ? decl + ' {' : decl + ' ');
      if (kids !== null) {
        stack.push({ kind: 'text', text: ind + '}' });
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ kind: 'field', f: kids[i]!, depth: depth + 1, element: false });
      }
      continue;
    }
    if (kids !== null && f.value === '[') {
      out.push(decl + ' = [');
      const cut = kids.length > 0 && kids[kids.length - 1]!.name === '...';
      stack.push({ kind: 'text', text: ind + (cut ? '... ]' : ']') });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ kind: 'field', f: kids[i]!, depth: depth + 1, element: true });
      continue;
    }
    if (kids !== null) {
      out.push(decl + ' = {');
      stack.push({ kind: 'text', text: ind + '}' });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ kind: 'field', f: kids[i]!, depth: depth + 1, element: false });
      continue;
    }
    out.push(decl + ' = ' + (f.value ?? ''));
  }
  return out.map((l) => l + '\n').join('');
}

/**
 * Member-path output (`addr::print [-a] [-t] type m1 m2 ...`): one line per member at the left
 * margin, its name as given (`t_cldata`, `p_user.u_comm`); struct-valued members open `{` and list
 * their children (named as given, `cpu_stats.sys`) 4 spaces in. Ends with a newline.
 */
export function renderPrintMembers(fields: readonly PrintFieldInput[], opts: PrintOptions = {}): string {
  return render(
    fields.map((f) => ({ kind: 'field', f, depth: 0, element: false })),
    opts,
  );
}

/**
 * A whole object (`addr::print [-a] [-t] type`): `[addr ][type ]{`, the members 4 spaces in, `}`.
 * `addr` and `type` show only with `showAddr` / `showType`. Ends with a newline.
 */
export function renderPrintStruct(
  fields: readonly PrintFieldInput[],
  opts: PrintOptions & { addr?: string | null; type?: string | null } = {},
): string {
  let head = '';
  if (opts.showAddr && opts.addr) head += opts.addr + ' ';
  if (opts.showType && opts.type) head += opts.type + ' ';
  return head + '{\n' + render(fields.map((f) => ({ kind: 'field', f, depth: 1, element: false })), opts) + '}\n';
}

/** `%#x`: `0` for zero, else `0x` and lower-case hex. */
function hexAlt(v: bigint): string {
  return v === 0n ? '0' : '0x' + v.toString(16);
}

/** `%#d`: the `0t` prefix only above 9 (`9`, `0t59`, `-0t6618541`). */
function decAlt(v: bigint): string {
  const a = v < 0n ? -v : v;
  return (v < 0n ? '-' : '') + (a > 9n ? '0t' + a.toString() : a.toString());
}

/** `'\024'`, `'\0'`, `'a'`: a char member as mdb quotes it (strchr2esc). */
export function charLiteral(code: number): string {
  const b = code & 0xff;
  const named: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 34: '\\"', 92: '\\\\' };
  if (named[b] !== undefined) return `'${named[b]}'`;
  if (b === 32 || (b >= 33 && b <= 126)) return `'${String.fromCharCode(b)}'`;
  return `'\\${b.toString(8).padStart(3, '0')}'`;
}

/**
 * A value as `::print` shows it for a member of this C type: hex in the type's own size, unsigned
 * (`0xff9b0253` for the int -6618541), or with `decimal` (`-d`) `%#d` for signed types of 4 and 8
 * bytes and unsigned for 1- and 2-byte ones (a pri_t of -1 prints `0t65535`). Chars are quoted.
 * Pointers print in hex (a symbol needs a symbol table; pass the symbol as the value text instead).
 */
export function printValueText(type: CType, value: number | bigint, opts: { decimal?: boolean; model?: DataModel } = {}): string {
  const bits = (type.long && opts.model === 'ilp32' ? 4 : type.size) * 8;
  const mod = 1n << BigInt(bits);
  const v = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
  const u = ((v % mod) + mod) % mod;
  if (type.kind === 'char') return charLiteral(Number(u));
  if (!opts.decimal || type.kind === 'pointer') return hexAlt(u);
  if (type.signed && bits >= 32) return decAlt(u >= mod >> 1n ? u - mod : u);
  return decAlt(u);
}

/** The `::print` text of a known field's value, or null when the field's type is not known. */
export function printFieldValue(field: string, value: number | bigint, opts: { decimal?: boolean; model?: DataModel } = {}): string | null {
  const t = fieldType(field);
  return t === null ? null : printValueText(t, value, opts);
}

/** kthread_t and tsproc_t members a snapshot Thread knows, with their values. */
function threadValue(t: Thread, type: 'kthread_t' | 'tsproc_t', member: string): number | bigint | string | null {
  if (type === 'kthread_t') {
    switch (member) {
      case 't_pri':
        return t.pri;
      case 't_epri':
        return t.epri;
      case 't_cid':
        return t.cid;
      case 't_disp_time':
        return t.dispTime;
      case 't_bind_cpu':
        // processor_bind's value (::thread BOUND), not t_bound_cpu (a cpu_t pointer).
        return t.bindCpu;
      case 't_state':
        // panic and the userland states are no t_state value: nothing to print.
        return t.state === null ? null : stateCode(t.state);
      case 't_cldata':
        return t.cldata === null ? null : BigInt('0x' + t.cldata);
      case 't_wchan':
        // Unknown is not NULL: a wait channel the input did not show is left out, never printed as 0.
        return t.wchan === null ? null : BigInt('0x' + t.wchan);
      case 't_procp':
        return t.procAddr === null ? null : BigInt('0x' + t.procAddr);
    }
    return null;
  }
  switch (member) {
    case 'ts_timeleft':
      return t.tsTimeleft;
    case 'ts_dispwait':
      return t.tsDispwait;
    case 'ts_flags':
      return t.tsFlags;
    case 'ts_tp':
      return t.addr === null ? null : BigInt('0x' + t.addr);
  }
  return null;
}

/**
 * Member-path `::print` lines for what a snapshot knows of a thread (`t_pri`, `t_cldata`,
 * `ts_timeleft`...): `renderPrintMembers` with values formatted from the C types. Members the
 * snapshot does not know are left out. With `showAddr`, `ts_timeleft` (offset 0 of tsproc_t)
 * shows the class-data address; other member addresses are not known and are left out too.
 */
export function printThreadMembers(
  t: Thread,
  type: 'kthread_t' | 'tsproc_t',
  members: readonly string[],
  opts: PrintOptions & { decimal?: boolean } = {},
): string {
  const fields: PrintFieldInput[] = [];
  for (const m of members) {
    const v = threadValue(t, type, m);
    const ct = fieldType(m, type);
    if (v === null || ct === null) continue;
    const addr = type === 'tsproc_t' && m === 'ts_timeleft' ? t.cldata : null;
    if (opts.showAddr && addr === null) continue;
    const value = typeof v === 'string' ? v : printValueText(ct, v, opts);
    fields.push({ name: m, type: ct.name, addr, value });
  }
  return renderPrintMembers(fields, opts);
}

/** Reads a rendered or parsed member value back (for round trips): its number by the field's type. */
export function readFieldValue(field: string, text: string): bigint | null {
  const t = fieldType(field);
  return t === null ? null : interpretBig(t, text);
}
