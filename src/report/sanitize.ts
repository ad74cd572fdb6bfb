// Untrusted input text must never reach a terminal with its control characters intact.
import { TAB_STOP } from '../ingest/lines.ts';

/**
 * Replaces C0/C1 control characters (ESC, BEL, backspace, CR, NUL, DEL, U+0080-U+009F), the bidi
 * controls (overrides, isolates, marks, the Arabic letter mark U+061C), the invisible characters
 * (zero-width space/joiners U+200B-U+200D, word joiner U+2060, BOM U+FEFF: they make look-alike
 * addresses and break columns) and the Unicode line/paragraph separators U+2028/U+2029 with
 * visible escapes (`\x1b`, `\u202e`). A tab becomes the spaces to its tab stop. Newlines are kept only when
 * `keepNewlines` is set. The one place that decides what input text may reach a terminal.
 */
export function neutralize(text: string, keepNewlines = false): string {
  let out = '';
  let start = 0;
  /** Where the current line starts in the output, for tab stops. */
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let rep: string | null = null;
    if (c === 10 && keepNewlines) {
      lineStart = out.length + (i - start) + 1;
      continue;
    }
    // To its tab stop, so a copy whose columns were made with tabs still lines up as evidence.
    if (c === 9) rep = ' '.repeat(TAB_STOP - ((out.length + (i - start) - lineStart) % TAB_STOP));
    else if (c < 32 || c === 127) rep = '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c <= 0x9f) rep = '\\x' + c.toString(16);
    else if (isInvisibleFormat(c)) rep = '\\u' + c.toString(16).padStart(4, '0');
    if (rep !== null) {
      out += text.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Format characters that change how text looks or reads without being seen. */
function isInvisibleFormat(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x2060 ||
    c === 0x061c ||
    c === 0xfeff
  );
}
