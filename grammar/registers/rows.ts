// From the CST of one register-dump line to name/value entries (shared with the panic grammar,
// whose console dumps contain the same rows).
import type { CstNode } from '../common/chevrotain.ts';
import { chosen, isHex, sub, tokenEnd, toks } from '../print/support.ts';

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
  if (v.startsWith('0x') || v.startsWith('0X')) return isHex(v.slice(2));
  return isHex(v);
}

export function rowFromCst(cst: CstNode, text: string): RegRow {
  const which = chosen(cst)!;
  const node = sub(cst, which)!;
  const entries: RegEntry[] = [];
  switch (which) {
    case 'messageRow': {
      const key = toks(node, 'MessageKey')[0]!;
      return { kind: 'message', entries, message: text.slice(tokenEnd(key)).trim() };
    }
    case 'decodedRow': {
      const name = toks(node, 'RegisterName')[0]!;
      const colon = toks(node, 'Colon')[0]!;
      const start = tokenEnd(colon);
      entries.push({ name: name.image, value: text.slice(start).trim(), at: start });
      break;
    }
    case 'registerRow':
      for (const pair of (node.children['registerPair'] as CstNode[] | undefined) ?? []) {
        const name = toks(pair, 'RegisterName')[0]!;
        const value = toks(pair, 'value')[0]!;
        entries.push({ name: name.image, value: value.image, at: value.startOffset });
      }
      break;
    default: {
      // assignRow, percentRow, keyValueRow: alternating name/value labels.
      const names = toks(node, 'name');
      const values = toks(node, 'value');
      for (let i = 0; i < names.length && i < values.length; i++) {
        entries.push({ name: names[i]!.image, value: values[i]!.image, at: values[i]!.startOffset });
      }
    }
  }
  return { kind: 'registers', entries, message: null };
}

/** The first entry whose value does not look like a number, or null. */
export function badValue(row: RegRow): RegEntry | null {
  for (const e of row.entries) {
    if (e.name === 'pstate' || e.name === 'winreg') continue; // decoded fields, not a number
    if (!isRegValue(e.value) && !(e.name === 'pid' && /^[0-9]+$/.test(e.value))) return e;
  }
  return null;
}

