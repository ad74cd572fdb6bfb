// Kernel virtual addresses as every layer keys them: lower-case hex, no `0x`, no leading zeros
// (`0` for zero). A branded string, so an address that skipped the normaliser does not type-check.

declare const addrBrand: unique symbol;
export type Addr = string & { readonly [addrBrand]: true };

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * The one normaliser: `0xFFFFFF01D5A600C0`, `ffffff01d5a600c0` and `00ff` become the same key.
 * Returns null for anything that is not a hex number (so `?`, `-` and empty cells are not addresses).
 */
export function toAddr(text: string): Addr | null {
  if (isCanonical(text)) return text as Addr;
  let s = text.trim();
  if (s.length > 1 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X')) s = s.slice(2);
  if (s.length === 0) return null;
  for (let i = 0; i < s.length; i++) if (!isHexDigit(s.charCodeAt(i))) return null;
  let start = 0;
  while (start < s.length - 1 && s[start] === '0') start++;
  return s.slice(start).toLowerCase() as Addr;
}

/**
 * Already a key: lower-case hex digits only, no leading zero. Most addresses come from mdb spelled
 * so, and this check spares them trim() and toLowerCase(), which V8 runs as calls out of the
 * optimised code (about half of toAddr's time on a dump's thread addresses).
 */
function isCanonical(text: string): boolean {
  const n = text.length;
  if (n === 0 || (n > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** For text already known to be hex (a lexer token): throws on anything else, a programming error. */
export function addr(text: string): Addr {
  const a = toAddr(text);
  if (a === null) throw new Error(`not an address: ${JSON.stringify(text)}`);
  return a;
}
