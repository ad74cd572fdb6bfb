// Reading printed values by their C type (the types themselves are illumos/ctypes.ts): `::print`
// shows integers as unsigned hex in the type's own size (`ts_timeleft = 0xff9b0253` is the int
// -6618541; `t_pri = 0xffff` is the short -1), and `-d` does not sign-extend 1- and 2-byte types
// (`0t65535`). A value wider than its type is refused, never wrapped. LP64 unless `ilp32` is asked.
import { parseMdbBigInt, toSigned } from '../../grammar/common/numbers.ts';
import { CTYPES, STRUCT_MEMBERS, TUNABLE_CTYPES, type CType } from '../../illumos/ctypes.ts';

// Re-exported for the code that read them from here before the table moved to illumos/.
export { CTYPES, type CType };

export type DataModel = 'lp64' | 'ilp32';

/** The last member of a path: `cpu_disp->disp_maxrunpri` gives `disp_maxrunpri`, `p_user.u_comm` gives `u_comm`. */
export function lastMember(path: string): string {
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '.') start = i + 1;
    else if (path[i] === '-' && path[i + 1] === '>') start = i + 2;
  }
  let name = path.slice(start);
  const br = name.indexOf('[');
  if (br >= 0) name = name.slice(0, br);
  return name;
}

/** The C type of a field or tunable, by name (the last member of a path), or null when unknown. */
export function fieldType(field: string, struct?: string | null): CType | null {
  const name = lastMember(field);
  if (struct) {
    const s = (STRUCT_MEMBERS as Record<string, Readonly<Record<string, CType>>>)[struct];
    return s?.[name] ?? null;
  }
  for (const s of Object.values(STRUCT_MEMBERS)) {
    const t = s[name];
    if (t !== undefined) return t;
  }
  return TUNABLE_CTYPES.get(name) ?? null;
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, e: 27, '\\': 92, "'": 39, '"': 34 };

/** Reads `'a'`, `'\0'`, `'\024'`, `'\n'`: the byte a char member printed as. */
export function charCode(lit: string): number | null {
  if (lit.length < 3 || lit[0] !== "'" || lit[lit.length - 1] !== "'") return null;
  const body = lit.slice(1, -1);
  if (body.length === 1) return body.charCodeAt(0);
  if (body[0] !== '\\' || body.length < 2) return null;
  const rest = body.slice(1);
  if (rest.length <= 3 && /^[0-7]+$/.test(rest)) return parseInt(rest, 8) & 0xff;
  return rest.length === 1 ? (ESCAPES[rest] ?? null) : null;
}

export function sizeOf(t: CType, model: DataModel = 'lp64'): 1 | 2 | 4 | 8 {
  return t.long && model === 'ilp32' ? 4 : t.size;
}

/** A printed value read by its type: the number, or why it is not one. */
export type CValue = { ok: true; value: bigint } | { ok: false; why: 'not-a-number' | 'too-wide' };

/** Can `bytes` bytes show the value? mdb prints a value signed or unsigned, so either range is. */
export function fits(v: bigint, bytes: number): boolean {
  const bits = BigInt(bytes * 8);
  return v >= -(1n << (bits - 1n)) && v < 1n << bits;
}

/** The first word of a printed value as a number, or the byte of a quoted char; null when neither. */
function readWord(raw: string, radix: 10 | 16): bigint | null {
  const text = raw.trim();
  if (text.startsWith("'")) {
    // `'''` is an apostrophe: only an escape can be longer than one character.
    const end = text[1] === '\\' ? text.indexOf("'", 3) : 2;
    const code = end < 0 ? null : charCode(text.slice(0, end + 1));
    return code === null ? null : BigInt(code);
  }
  let word = text;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '(') {
      word = text.slice(0, i);
      break;
    }
  }
  // mdb never prints a negative number in hex: `-6618541` is decimal whatever the radix.
  const negPlain = word.startsWith('-') && word.length > 1 && !/[xXtToOiI]/.test(word);
  return parseMdbBigInt(word, negPlain ? 10 : radix);
}

/**
 * Reads a printed value as the C type says: `0xff9b0253` as an int is -6618541n. Hex is the
 * default radix (`::print`, `/X`); pass 10 for `/D`, `/E`, `/e` and `-d` output without a `0t`
 * prefix. Takes the first word only, so `0t3 (TS_RUN)` and `0xffff "text"` read.
 * A value wider than its type is refused as 'too-wide', never wrapped: a kernel cannot hold it
 * (`t_pri = 0x10000` is not 0, `ts_timeleft = 0x8000000000000000` is not 0).
 */
export function readCValue(type: CType, raw: string, radix: 10 | 16 = 16, model: DataModel = 'lp64'): CValue {
  const v = readWord(raw, radix);
  if (v === null) return { ok: false, why: 'not-a-number' };
  const size = sizeOf(type, model);
  if (!fits(v, size)) return { ok: false, why: 'too-wide' };
  const bits = (size * 8) as 8 | 16 | 32 | 64;
  if (type.signed) return { ok: true, value: toSigned(v, bits) };
  return { ok: true, value: v < 0n ? v + (1n << BigInt(bits)) : v };
}

/** As readCValue, null for anything that is not a value of the type. */
export function interpretBig(type: CType, raw: string, radix: 10 | 16 = 16, model: DataModel = 'lp64'): bigint | null {
  const r = readCValue(type, raw, radix, model);
  return r.ok ? r.value : null;
}

/** A value as a JS number when it is exactly representable (pointers often are not), else null. */
export function exactNumber(v: bigint): number | null {
  return v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER) ? null : Number(v);
}

/** As interpretBig, as a JS number when it is exactly representable. */
export function interpretRaw(type: CType, raw: string, radix: 10 | 16 = 16, model: DataModel = 'lp64'): number | null {
  const v = interpretBig(type, raw, radix, model);
  return v === null ? null : exactNumber(v);
}

/**
 * Reads a `::print` or format value of a known field or tunable by its size and sign:
 * `interpretValue('ts_timeleft', '0xff9b0253')` is -6618541, `interpretValue('t_pri', '0xffff')`
 * is -1, `interpretValue('ts_timeleft', '-0t6618541')` is -6618541, `interpretValue('t_pri', '0t59')`
 * is 59, `interpretValue('kpreemptpri', '100', 10)` is 100 (a `/D` value). Null for an unknown field,
 * a value that is not a number (a symbol such as `p0`), or one wider than the type (`t_pri = 0x10000`).
 */
export function interpretValue(field: string, raw: string, radix: 10 | 16 = 16, model: DataModel = 'lp64'): number | null {
  const t = fieldType(field);
  return t === null ? null : interpretRaw(t, raw, radix, model);
}
