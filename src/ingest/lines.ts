// Splitting input into lines. Line numbers are 1-based everywhere in playfair.

/**
 * Splits text into lines without their terminators. A final newline does not start an empty
 * line; a lone `\r` before `\n` (CRLF) is dropped from the working text.
 */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  eachLine(text, (line) => out.push(line));
  return out;
}

/**
 * Gives `fn` the lines of `text` from offset `start` on, cut as splitLines cuts them, without an
 * array of them all; stops after `max` lines and returns where the next line starts (text.length
 * when done), so a caller can go on in turns.
 */
export function eachLine(text: string, fn: (line: string) => void, start = 0, max = Infinity): number {
  for (let n = 0; n < max && start < text.length; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    fn(end > start && text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
    start = end + 1;
  }
  return Math.min(start, text.length);
}

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}
