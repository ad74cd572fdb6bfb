// From the CST of one register-dump line to name/value entries (shared with the panic grammar,
// whose console dumps contain the same rows).
import { one, tokenEnd } from '../common/cst.ts';
import { isDecimalDigits, isHexDigits } from '../common/numbers.ts';
import type { RegistersLineCstNode } from './cst-types.ts';

export interface RegEntry {
  name: string;
  value: string;
  /** 0-based offset of the value in the line (for diagnostics). */
  at: number;
}

export interface RegRow {
  kind: 'registers' | 'message';
  entries: RegEntry[];
  /** `message` row text. */
  message: string | null;
}

/** `ff9b0253`, `0x10000000`, `10`: what a register or `::panicinfo` value looks like. */
export function isRegValue(v: string): boolean {
  if (v.startsWith('0x') || v.startsWith('0X')) return isHexDigits(v.slice(2));
  return isHexDigits(v);
}

export function rowFromCst(cst: RegistersLineCstNode, text: string): RegRow {
  const c = cst.children;
  const entries: RegEntry[] = [];
  if (c.messageRow) {
    const key = one(one(c.messageRow).children.MessageKey);
    return { kind: 'message', entries, message: text.slice(tokenEnd(key)).trim() };
  }
  if (c.decodedRow) {
    const d = one(c.decodedRow).children;
    const start = tokenEnd(one(d.Colon));
    entries.push({ name: one(d.RegisterName).image, value: text.slice(start).trim(), at: start });
  } else if (c.registerRow) {
    for (const pair of one(c.registerRow).children.registerPair) {
      const value = one(pair.children.value);
      entries.push({ name: one(pair.children.RegisterName).image, value: value.image, at: value.startOffset });
    }
  } else {
    // assignRow, percentRow, keyValueRow: alternating name/value labels.
    const row = (c.assignRow ?? c.percentRow ?? c.keyValueRow)?.[0];
    const names = row?.children.name ?? [];
    const values = row?.children.value ?? [];
    for (let i = 0; i < names.length && i < values.length; i++) {
      entries.push({ name: names[i]!.image, value: values[i]!.image, at: values[i]!.startOffset });
    }
  }
  return { kind: 'registers', entries, message: null };
}

/** The first entry whose value does not look like a number, or null. */
export function badValue(row: RegRow): RegEntry | null {
  for (const e of row.entries) {
    if (e.name === 'pstate' || e.name === 'winreg') continue; // decoded fields, not a number
    if (!isRegValue(e.value) && !(e.name === 'pid' && isDecimalDigits(e.value))) return e;
  }
  return null;
}

