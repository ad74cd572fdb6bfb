// Structure-aware mutations of mdb transcripts: what pasting, wrapping, truncating and hostile
// editing do to real output. Each mutator is a pure function of (text, random source).
import type { Rng } from '../../bench/gen/rng.ts';

export interface MutationContext {
  r: Rng;
  /** Another corpus text, for splicing. */
  other(): string;
}

export type Mutator = (text: string, ctx: MutationContext) => string;

/** Inputs are kept below this size so a case stays cheap; growing mutators stop applying past it. */
export const MAX_CASE_CHARS = 250_000;

function lines(text: string): string[] {
  return text.split('\n');
}

function trimSpacesEnd(l: string): string {
  let e = l.length;
  while (e > 0 && l.charCodeAt(e - 1) === 32) e--;
  return l.slice(0, e);
}

function pickRange(r: Rng, n: number, maxLen: number): [number, number] {
  const start = r.int(0, Math.max(0, n - 1));
  const len = r.int(1, Math.max(1, Math.min(maxLen, n - start)));
  return [start, start + len];
}

/** Sections start at prompt lines or recognisable headers; everything until the next start belongs to one. */
export function sectionsOf(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const l of lines(text)) {
    if (isSectionStart(l) && cur.length > 0) {
      out.push(cur);
      cur = [];
    }
    cur.push(l);
  }
  out.push(cur);
  return out;
}

function isSectionStart(l: string): boolean {
  return (
    l.startsWith('> ') ||
    l.startsWith('[0]> ') ||
    l.startsWith(' ID ADDR') ||
    l.startsWith('stack pointer for thread') ||
    l.startsWith('THREAD ') ||
    l.startsWith('            ADDR')
  );
}

function mapTokens(text: string, r: Rng, p: number, f: (tok: string) => string | null): string {
  // Splitting on single spaces keeps the layout; tokens that f declines stay as they are.
  const ls = lines(text);
  for (let i = 0; i < ls.length; i++) {
    if (!r.chance(Math.min(1, p * 4))) continue;
    const toks = ls[i]!.split(' ');
    for (let k = 0; k < toks.length; k++) {
      if (toks[k]!.length === 0 || !r.chance(p)) continue;
      const rep = f(toks[k]!);
      if (rep !== null) toks[k] = rep;
    }
    ls[i] = toks.join(' ');
  }
  return ls.join('\n');
}

const HEXCH = '0123456789abcdef';
const isNumberish = (t: string) => /^[-+(]?(0[xXtTiIoO])?[0-9a-fA-F]+[,)]?$/.test(t) || /[+-]0x[0-9a-f]+\(/.test(t);

function insertAt(text: string, r: Rng, piece: string): string {
  const at = r.int(0, text.length);
  return text.slice(0, at) + piece + text.slice(at);
}

function insertLines(text: string, r: Rng, newLines: string[]): string {
  const ls = lines(text);
  ls.splice(r.int(0, ls.length), 0, ...newLines);
  return ls.join('\n');
}

function wrapAt(width: number, wordWrap: boolean): Mutator {
  return (text) =>
    lines(text)
      .map((l) => {
        if (l.length <= width) return l;
        const parts: string[] = [];
        let rest = l;
        while (rest.length > width) {
          let cut = width;
          if (wordWrap) {
            const sp = rest.lastIndexOf(' ', width);
            if (sp > 0) cut = sp;
          }
          parts.push(rest.slice(0, cut));
          rest = wordWrap ? rest.slice(cut).replace(/^ /, '') : rest.slice(cut);
        }
        parts.push(rest);
        return parts.join('\n');
      })
      .join('\n');
}

function nestedPrint(r: Rng): string[] {
  // Deep enough to break a recursive reader (10,000 levels), with the indent capped so the case stays small.
  const depth = r.weighted([
    [4, 20],
    [3, 100],
    [2, 1000],
    [1, 10_000],
  ] as const);
  const out = [`> ${randHex(r, 16)}::print -t kthread_t`, 'kthread_t {'];
  for (let d = 1; d < depth; d++) out.push(' '.repeat(Math.min(d * 4, 16)) + `struct s m${d % 10} = {`);
  const close = r.chance(0.5) ? depth : r.int(0, depth);
  for (let d = close - 1; d >= 0; d--) out.push(' '.repeat(Math.min(d * 4, 16)) + '}');
  return out;
}

function randHex(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += HEXCH[r.int(0, 15)];
  return s;
}

function longLine(r: Rng): string {
  const n = 10_000;
  switch (r.int(0, 6)) {
    case 0:
      return randHex(r, n);
    case 1:
      return ' '.repeat(n);
    case 2:
      return '+0x'.repeat(Math.ceil(n / 3)).slice(0, n);
    case 3:
      return '  ' + randHex(r, 16) + ' ' + 'f'.repeat(n) + '+0x' + '1'.repeat(100) + '(' + 'a, '.repeat(1000) + ')';
    case 4:
      return 'stack pointer for thread ' + 'f'.repeat(n) + ': ' + '0'.repeat(100);
    case 5:
      return '(' .repeat(n / 2) + ')'.repeat(n / 2);
    default:
      return 'x'.repeat(n);
  }
}

const HOSTILE = [
  '\x1b[31mred\x1b[0m',
  '\x1b]0;pwned\x07',
  '\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\',
  '\x1b[2J\x1b[H',
  '\u202eevil\u202c',
  '\x9b31m',
  '\x08\x08\x08',
  '\r',
  '\x07',
  '[click](javascript:alert(1))',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '| a | b |',
  '`code` ``` fence',
  '*bold* _em_ ~~s~~ # heading',
  '"},{"injected":true,"x":"',
  '\\u0000 \\" \\\\',
  '</details><!--',
];

/** Uniform prefixes of a reply or a quoted paste (issue 12): one per line, or mixed depth. */
const QUOTES = ['> ', '> > ', '>', '>> ', '\t', '    '];

/** Lines that wrap a pasted block on trackers and in mail: they are not mdb output. */
const DECORATIONS: readonly (readonly [string, string])[] = [
  ['```', '```'],
  ['```text', '```'],
  ['~~~', '~~~'],
  ['<pre>', '</pre>'],
  ['<pre><code>', '</code></pre>'],
  ['{noformat}', '{noformat}'],
  ['{code}', '{code}'],
  ['{code:none}', '{code}'],
];

/** What people append to an mdb command to cut or filter its output in the shell. */
const SHELL_PIPES = [' ! head -3', ' ! demangle', ' ! grep -v idle', ' | ::grep .>0', ' ! less', ' ! cat'];

const isPrompt = (l: string) => l.startsWith('> ') || l.startsWith('[0]> ');

const INVALID_UTF8: readonly number[][] = [[0xff], [0xc0, 0xaf], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xfe, 0xfe]];

export const MUTATORS: Readonly<Record<string, Mutator>> = {
  cutLines: (text, { r }) => {
    const ls = lines(text);
    const [a, b] = pickRange(r, ls.length, 20);
    ls.splice(a, b - a);
    return ls.join('\n');
  },
  truncate: (text, { r }) => text.slice(0, r.int(0, text.length)),
  cutLineMiddle: (text, { r }) => {
    const ls = lines(text);
    const i = r.int(0, ls.length - 1);
    ls[i] = ls[i]!.slice(0, r.int(0, ls[i]!.length));
    return ls.join('\n');
  },
  wrap72: wrapAt(72, false),
  wrap80: wrapAt(80, false),
  wrap132: wrapAt(132, false),
  wordWrap72: wrapAt(72, true),
  wordWrap80: wrapAt(80, true),
  duplicateSection: (text, { r }) => {
    const secs = sectionsOf(text);
    const i = r.int(0, secs.length - 1);
    secs.splice(r.int(0, secs.length), 0, secs[i]!.slice());
    return secs.map((s) => s.join('\n')).join('\n');
  },
  reorderSections: (text, { r }) => {
    const secs = sectionsOf(text);
    for (let i = secs.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [secs[i], secs[j]] = [secs[j]!, secs[i]!];
    }
    return secs.map((s) => s.join('\n')).join('\n');
  },
  dropSection: (text, { r }) => {
    const secs = sectionsOf(text);
    if (secs.length > 1) secs.splice(r.int(0, secs.length - 1), 1);
    return secs.map((s) => s.join('\n')).join('\n');
  },
  swapLines: (text, { r }) => {
    const ls = lines(text);
    for (let k = r.int(1, 5); k > 0; k--) {
      const i = r.int(0, ls.length - 1);
      const j = Math.min(ls.length - 1, i + r.int(1, 3));
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    }
    return ls.join('\n');
  },
  repeatLine: (text, { r }) => {
    const ls = lines(text);
    const i = r.int(0, ls.length - 1);
    ls.splice(i, 0, ...Array<string>(r.pick([2, 50, 1000])).fill(ls[i]!));
    return ls.join('\n');
  },
  splice: (text, { r, other }) => {
    const o = lines(other());
    const [a, b] = pickRange(r, o.length, 40);
    return insertLines(text, r, o.slice(a, b));
  },
  randomBytes: (text, { r }) => {
    let t = text;
    for (let k = r.int(1, 20); k > 0; k--) {
      const c = r.weighted([
        [4, () => r.int(0, 31)],
        [4, () => r.int(32, 126)],
        [2, () => r.int(127, 255)],
        [1, () => r.int(256, 0xffff)],
      ] as const)();
      t = insertAt(t, r, String.fromCharCode(c));
    }
    return t;
  },
  nuls: (text, { r }) => {
    let t = text;
    for (let k = r.int(1, 10); k > 0; k--) t = insertAt(t, r, '\0'.repeat(r.int(1, 4)));
    return t;
  },
  invalidUtf8: (text, { r }) => {
    // What a reader decoding broken UTF-8 with replacement hands on: the bytes go through TextDecoder.
    const bytes = Buffer.from(text, 'utf8');
    const parts: Buffer[] = [];
    let last = 0;
    const cuts = Array.from({ length: r.int(1, 8) }, () => r.int(0, bytes.length)).sort((a, b) => a - b);
    for (const c of cuts) {
      parts.push(bytes.subarray(last, c), Buffer.from(r.pick(INVALID_UTF8)));
      last = c;
    }
    parts.push(bytes.subarray(last));
    return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(parts));
  },
  loneSurrogates: (text, { r }) => {
    let t = text;
    for (let k = r.int(1, 4); k > 0; k--) t = insertAt(t, r, r.pick(['\ud800', '\udfff', '\udc00\ud800', '\ufffd', '\ufeff']));
    return t;
  },
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  partialCrlf: (text, { r }) => text.replace(/\n/g, () => (r.chance(0.3) ? '\r\n' : r.chance(0.05) ? '\r' : '\n')),
  loneCr: (text, { r }) => text.replace(/\n/g, () => (r.chance(0.5) ? '\r' : '\n')),
  tabs: (text, { r }) => text.replace(/ {2,8}/g, (m) => (r.chance(0.3) ? '\t' : m)),
  trailingSpace: (text, { r }) =>
    lines(text)
      .map((l) => (r.chance(0.5) ? trimSpacesEnd(l) : l + ' '.repeat(r.int(0, 3))))
      .join('\n'),
  longLine: (text, { r }) => insertLines(text, r, [longLine(r)]),
  extendLine: (text, { r }) => {
    const ls = lines(text);
    const i = r.int(0, ls.length - 1);
    ls[i] = ls[i]! + r.pick(['f', ' ', '0', '+0x', 'a, ']).repeat(10_000);
    return ls.join('\n');
  },
  nestedPrint: (text, { r }) => insertLines(text, r, nestedPrint(r)),
  hugeNumbers: (text, { r }) =>
    mapTokens(text, r, 0.2, (t) =>
      isNumberish(t)
        ? r.pick([
            'f'.repeat(r.int(17, 64)),
            '0x' + 'f'.repeat(r.int(17, 40)),
            '9'.repeat(r.int(17, 400)),
            '0t' + '9'.repeat(30),
            '1e400',
            '18446744073709551616',
            '-9223372036854775809',
          ])
        : null,
    ),
  negativeZeros: (text, { r }) =>
    mapTokens(text, r, 0.2, (t) => (isNumberish(t) ? r.pick(['-0', '-0x0', '-0t0', '0t-0', '+0', '-', '0x', '-0x', 't--0', '00000000']) : null)),
  oddNumbers: (text, { r }) =>
    mapTokens(text, r, 0.1, (t) => (isNumberish(t) ? r.pick(['NaN', 'Infinity', '-Infinity', '__proto__', 'constructor', '0x1p3', '1_000', '٣']) : null)),
  promptStyle: (text, { r }) => {
    const style = r.int(0, 3);
    return lines(text)
      .map((l) => {
        if (style === 0) return l.startsWith('> ') ? l.slice(2) : l; // GitHub block quotes ate the prompt
        if (style === 1) return '# ' + l; // pasted as comments
        if (style === 2) return '> ' + l; // quoted in an email reply
        return l.startsWith('> ') ? '[0]> ' + l.slice(2) : l; // kmdb
      })
      .join('\n');
  },
  blankLines: (text, { r }) => {
    const ls = lines(text);
    for (let k = r.int(1, 10); k > 0; k--) ls.splice(r.int(0, ls.length), 0, r.pick(['', ' ', '\t', '   \t ']));
    return ls.join('\n');
  },
  hostileText: (text, { r }) => {
    // Attack the fields most likely to be echoed: process names, function names, prose.
    let t = text;
    for (let k = r.int(1, 6); k > 0; k--) {
      const h = r.pick(HOSTILE);
      t = r.chance(0.5) ? insertAt(t, r, h) : mapTokens(t, r, 0.05, (tok) => (/^[a-z_]/.test(tok) ? tok + h : null));
    }
    return t;
  },
  quote: (text, { r }) => {
    const q = r.pick(QUOTES);
    return lines(text)
      .map((l) => (l === '' && q.endsWith(' ') && r.chance(0.5) ? q.trimEnd() : q + l))
      .join('\n');
  },
  quoteMixed: (text, { r }) => {
    // A reply that quotes a reply: depth changes from paragraph to paragraph.
    let q = '> ';
    return lines(text)
      .map((l) => {
        if (l.trim() === '' && r.chance(0.5)) q = r.pick(['> ', '> > ', '>> ']);
        return q + l;
      })
      .join('\n');
  },
  tabIndent: (text) =>
    lines(text)
      .map((l) => (l === '' ? l : '\t' + l))
      .join('\n'),
  squeezeSpaces: (text) => text.replace(/ {2,}/g, ' '),
  squeezeAndTrim: (text) =>
    lines(text)
      .map((l) => l.replace(/ {2,}/g, ' ').trim())
      .join('\n'),
  crOnly: (text) => text.replace(/\r?\n/g, '\r'),
  decorate: (text, { r }) => {
    // Fence the whole paste, or one section of it, as a tracker or a mail client shows it.
    const [open, close] = r.pick(DECORATIONS);
    if (r.chance(0.4)) return `${open}\n${text}${text.endsWith('\n') ? '' : '\n'}${close}\n`;
    const secs = sectionsOf(text);
    const i = r.int(0, secs.length - 1);
    secs[i] = [open, ...secs[i]!, close];
    return secs.map((s) => s.join('\n')).join('\n');
  },
  shellPipe: (text, { r }) =>
    lines(text)
      .map((l) => (isPrompt(l) && r.chance(0.6) ? l + r.pick(SHELL_PIPES) : l))
      .join('\n'),
  empty: (_text, { r }) => r.pick(['', '\n', '\n\n\n', ' ', '\r\n', '>', '> ', '{', '}', '\0']),
};

export const MUTATOR_NAMES: readonly string[] = Object.keys(MUTATORS);

export interface Mutated {
  text: string;
  applied: string[];
}

/** Applies 1 to `max` random mutators in sequence. */
export function mutate(text: string, ctx: MutationContext, max = 4): Mutated {
  const applied: string[] = [];
  let t = text;
  for (let k = ctx.r.int(1, max); k > 0; k--) {
    const name = ctx.r.pick(MUTATOR_NAMES);
    // `empty` throws away everything; keep it rare.
    if (name === 'empty' && !ctx.r.chance(0.1)) continue;
    const next = MUTATORS[name]!(t, ctx);
    if (next.length > MAX_CASE_CHARS && next.length > t.length) continue;
    t = next;
    applied.push(name);
  }
  return { text: t, applied };
}
