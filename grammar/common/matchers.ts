// Hand-written Chevrotain token matchers: one linear scan per token, so a 10,000-character run of
// hex digits or word characters costs its length and nothing more.

/** A matcher for a run of characters accepted by `ok`, at least `min` long. */
export function runMatcher(ok: (c: number) => boolean, min = 1) {
  return (text: string, offset: number): [string] | null => {
    let i = offset;
    while (i < text.length && ok(text.charCodeAt(i))) i++;
    return i - offset >= min ? [text.slice(offset, i)] : null;
  };
}

/** `[0-9A-Za-z_]` by char code. */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
