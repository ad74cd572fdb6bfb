// Untrusted input text must never reach a terminal with its control characters intact.

/**
 * Replaces C0/C1 control characters (ESC, BEL, backspace, CR, NUL, DEL, U+0080-U+009F) and the
 * bidi overrides with visible escapes (`\x1b`, `\u202e`). Tab becomes a space. Newlines are kept
 * only when `keepNewlines` is set.
 */
export function neutralize(text: string, keepNewlines = false): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let rep: string | null = null;
    if (c === 10 && keepNewlines) continue;
    if (c === 9) rep = ' ';
    else if (c < 32 || c === 127) rep = '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c <= 0x9f) rep = '\\x' + c.toString(16);
    else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f)
      rep = '\\u' + c.toString(16);
    if (rep !== null) {
      out += text.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}
