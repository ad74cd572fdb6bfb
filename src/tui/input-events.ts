// Terminal input as events: what one read from the terminal holds, cut into escape sequences and
// runs of text, and a run of text cut into single keys. Reading the bytes ourselves (from the
// stdin Ink exposes through useStdin) means no key is lost when several arrive in one read (`jj`,
// `f` + Enter, a pasted command and its newline), and no sequence Ink cannot name can throw.

const ESC = '\x1b';

function isFinal(c: number): boolean {
  return c >= 0x40 && c <= 0x7e;
}
function isParamOrIntermediate(c: number): boolean {
  return c >= 0x20 && c <= 0x3f;
}

/**
 * The end of the escape sequence starting at `i` (s[i] is ESC): the index after it, or -1 when the
 * text ends inside it (a CSI or SS3 cut between two reads).
 */
function sequenceEnd(s: string, i: number): number {
  let j = i + 1;
  if (j >= s.length) return i + 1; // a lone ESC: the Escape key
  if (s[j] === ESC) j++; // ESC ESC [ A: Alt + arrow
  if (j >= s.length) return j;
  const kind = s[j];
  if (kind === '[') {
    j++;
    if (s[j] === '[') j++; // ESC [ [ 5 ~: a legacy function key
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (isParamOrIntermediate(c)) continue;
      return isFinal(c) ? j + 1 : j; // a malformed sequence ends where it stops making sense
    }
    return -1;
  }
  if (kind === 'O') return j + 1 < s.length ? j + 2 : -1;
  // ESC + one character: Alt + key (a surrogate pair stays whole).
  const cp = s.codePointAt(j) ?? 0;
  return j + (cp > 0xffff ? 2 : 1);
}

/**
 * Cuts reads into events: each escape sequence alone, text between them as one run. A sequence
 * cut between two reads is kept for the next one; `flush` gives it up as it is.
 */
export class InputEvents {
  private pending = '';

  push(chunk: string): string[] {
    const s = this.pending + chunk;
    this.pending = '';
    const out: string[] = [];
    let i = 0;
    while (i < s.length) {
      const e = s.indexOf(ESC, i);
      if (e === -1) {
        out.push(s.slice(i));
        break;
      }
      if (e > i) out.push(s.slice(i, e));
      const end = sequenceEnd(s, e);
      if (end === -1) {
        this.pending = s.slice(e);
        break;
      }
      out.push(s.slice(e, end));
      i = end;
    }
    return out;
  }

  hasPending(): boolean {
    return this.pending !== '';
  }

  flush(): string[] {
    const p = this.pending;
    this.pending = '';
    return p ? [p] : [];
  }
}

/** Printable text at the start of a run (no control character): typed into a field at once. */
export function printablePrefix(ev: string): number {
  let i = 0;
  while (i < ev.length) {
    const c = ev.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) break;
    i++;
  }
  return i;
}

/** The first key of an event and what is left: a sequence is one key; CR LF is one Enter. */
export function firstKey(ev: string): [key: string, rest: string] {
  if (ev.startsWith(ESC)) return [ev, ''];
  if (ev.startsWith('\r\n')) return ['\r', ev.slice(2)];
  const cp = ev.codePointAt(0) ?? 0;
  const n = cp > 0xffff ? 2 : 1;
  return [ev.slice(0, n), ev.slice(n)];
}

/** Bracketed paste: the terminal wraps pasted text in these (enabled by src/cli/tui.ts). */
export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';
