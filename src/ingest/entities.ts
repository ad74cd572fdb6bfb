// HTML entities left in text copied from a web page's source or an escaped reply (`&gt; ::cpuinfo -v`):
// a line whose quote marker or prompt is `&gt;` is decoded back to what mdb printed.

/** Spaces allowed before an encoded marker, as for a plain one (see quote.ts). */
const MAX_LEAD = 3;
/** Longest entity read: `&#x000a0;`; a longer run after `&` is text. */
const MAX_ENTITY = 10;

// A web page's non-breaking space stands for an ordinary one in a terminal's text.
const NAMED: ReadonlyMap<string, string> = new Map([
  ['gt', '>'],
  ['lt', '<'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);

/** Whether the line starts with an entity-encoded `>` (a quote marker or the mdb prompt). */
export function hasEncodedMarker(raw: string): boolean {
  let i = 0;
  while (i < raw.length && i < MAX_LEAD && raw.charCodeAt(i) === 32) i++;
  return raw.startsWith('&gt;', i);
}

/** A numeric entity's character, or null when it is not one a terminal line could hold (controls, line breaks). */
function fromCode(body: string): string | null {
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1);
  if (digits.length === 0 || digits.length > 6) return null;
  const code = Number.parseInt(digits, hex ? 16 : 10);
  // parseInt stops at the first bad digit: the whole body must be digits.
  if (Number.isNaN(code) || code.toString(hex ? 16 : 10) !== digits.toLowerCase().replace(/^0+(?=.)/, '')) return null;
  if (code === 160) return ' ';
  // Printable ASCII and the tab only: a decoded entity never adds a line or a control character.
  return code === 9 || (code >= 32 && code <= 126) ? String.fromCharCode(code) : null;
}

/**
 * The line with its HTML entities decoded in one left-to-right pass (so `&amp;gt;` gives `&gt;`,
 * one level, as a browser shows it) and U+00A0 read as a space. Linear: each `&` looks ahead at
 * most MAX_ENTITY characters. Unknown or malformed entities stay as they are.
 */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&') && !raw.includes('\u00a0')) return raw;
  let out = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0xa0) {
      out += raw.slice(from, i) + ' ';
      from = i + 1;
      continue;
    }
    if (c !== 38 /* & */) continue;
    let semi = i + 1;
    const end = Math.min(raw.length, i + MAX_ENTITY);
    while (semi < end && raw.charCodeAt(semi) !== 59 /* ; */ && raw.charCodeAt(semi) !== 38) semi++;
    if (semi >= end || raw.charCodeAt(semi) !== 59) continue;
    const body = raw.slice(i + 1, semi);
    const ch = body[0] === '#' ? fromCode(body) : (NAMED.get(body) ?? null);
    if (ch === null) continue;
    out += raw.slice(from, i) + ch;
    from = semi + 1;
    i = semi;
  }
  return out + raw.slice(from);
}
