// Console text forwarded through syslog: every line is prefixed
// `TIMESTAMP HOST module: [ID n facility.level] ` and control characters are written as `#ooo`
// (rsyslog escapes: `#012` newline, `#015` carriage return, `#011` tab).

/** The text after a syslog `[ID n facility.level] ` prefix, or null when the line has none. */
export function stripSyslogPrefix(text: string): string | null {
  const at = text.indexOf('[ID ');
  if (at < 0) return null;
  let i = at + 4;
  const digits = i;
  while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
  if (i === digits || text[i] !== ' ') return null;
  i++;
  const fac = i;
  let dot = false;
  while (i < text.length && text[i] !== ']' && text[i] !== ' ') {
    if (text[i] === '.') dot = true;
    i++;
  }
  if (i === fac || !dot || text[i] !== ']') return null;
  i++;
  if (text[i] === ' ') i++;
  return text.slice(i);
}

function octal3(text: string, i: number): number | null {
  let v = 0;
  for (let k = 0; k < 3; k++) {
    const c = text.charCodeAt(i + k) - 48;
    if (c < 0 || c > 7) return null;
    v = v * 8 + c;
  }
  return v;
}

/** Decodes `#ooo` escapes of control characters; returns the console lines the text stands for. */
export function decodeSyslog(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '#') {
      const v = octal3(text, i + 1);
      if (v !== null && v < 32) {
        if (v === 10) {
          out.push(cur);
          cur = '';
        } else if (v === 9) cur += '\t';
        // other control characters (CR above all) are dropped
        i += 3;
        continue;
      }
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

/** Whether the line opens with a `#ooo` escape of a control character (`#011rdi: ...`, `#012`). */
function startsWithEscape(text: string): boolean {
  if (text[0] !== '#') return false;
  const v = octal3(text, 1);
  return v !== null && v < 32;
}

/**
 * The console lines a physical line stands for: itself, or its decoded syslog content. The
 * escapes stay when a report keeps the message text of a log but not its prefixes, so a line
 * that opens with one is decoded too.
 */
export function consoleLines(text: string): string[] {
  const body = stripSyslogPrefix(text);
  if (body !== null) return decodeSyslog(body);
  return startsWithEscape(text) ? decodeSyslog(text) : [text];
}
