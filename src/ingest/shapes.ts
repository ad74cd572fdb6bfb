// Recognising mdb output by its shape, for output pasted without its command, and telling
// prose apart from output. All checks are prefix/indexOf scans: linear in the line length.
import { isStructMember, KEPT_TUNABLES, THREAD_STATES } from '../../illumos/index.ts';
import type { SectionKind } from './types.ts';
import { isDecimalDigits, isHexCode, isHexDigits } from '../../grammar/common/numbers.ts';
import { isConsolePanicLine } from '../../grammar/panic/index.ts';
import { decodeSyslog, stripSyslogPrefix } from '../../grammar/panic/syslog.ts';
import { isBlank } from '../../grammar/common/lines.ts';
import { psHeader } from '../../grammar/ps/index.ts';
import { isClassHeader } from '../../grammar/classes/index.ts';
import { isMutexHeader } from '../../grammar/mutex/index.ts';
import { isRwlockHeader } from '../../grammar/rwlock/index.ts';
import { isTurnstileHeader } from '../../grammar/turnstile/index.ts';
import { isWchaninfoHeader } from '../../grammar/wchaninfo/index.ts';
import { isCutThreadHeader, isThreadHeader } from '../../grammar/thread/index.ts';
import { MIN_WRAP_WIDTH } from './width-wrap.ts';
import { isSystemLine } from '../../grammar/system/index.ts';

function words(line: string): string[] {
  return line.trim().split(/ +/).filter((w) => w.length > 0);
}

function isFrameLine(line: string): boolean {
  // `fffffe00b6e59c60 usb_console_input_enter+0x13(0)`: hex frame pointer at column 0, a symbol, parentheses.
  const sp = line.indexOf(' ');
  if (sp < 8 || sp > 16 || !isHexDigits(line.slice(0, sp))) return false;
  const rest = line.slice(sp + 1).trimEnd();
  const open = rest.indexOf('(');
  return open > 0 && rest.endsWith(')') && !rest.slice(0, open).includes(' ');
}

/**
 * A syslog-forwarded console line (`... unix: [ID 836849 kern.notice] ...`) carrying panic text,
 * or a blank console line of one (`#012`). A notice that ends with a newline escape
 * (`NOTICE: Unable to set CLSET_NODELAYONERR#012`, smartos-live issue 935) is a log line, not a panic.
 */
function isSyslogPanic(line: string): boolean {
  if (!line.includes('kern.notice]')) return false;
  if (line.includes('panic[cpu') || line.includes('BAD TRAP:') || isConsolePanicLine(line)) return true;
  const body = stripSyslogPrefix(line);
  if (body === null) return false;
  // The panic banner (`\n\rpanic[cpu2]/thread=...: `) cut by a wrap before its CPU: a line at the width
  // is not known to be one yet, but the kernel writes `\n\r` and then `panic` nowhere else.
  return decodeSyslog(body).every(isBlank) || (body.startsWith(BANNER_START) && PANIC_BANNER.startsWith(body.slice(BANNER_START.length))) || isCutConsoleFrame(body);
}

/**
 * `fffffe00f5d8e780 u`, `fffffe00f5`: a console stack frame (`fffffe00f5d8e780 unix:die+c6 ()`) a
 * wrap cut in or after its frame pointer, in a line the kernel logged: hex digits, then maybe a
 * space and one unbroken word.
 */
function isCutConsoleFrame(text: string): boolean {
  const sp = text.indexOf(' ');
  const fp = sp < 0 ? text : text.slice(0, sp);
  if (fp.length === 0 || fp.length > 16 || !isHexDigits(fp)) return false;
  const rest = sp < 0 ? '' : text.slice(sp + 1);
  return !rest.includes(' ') && !rest.includes(')');
}

/** How the kernel's panic banner starts, with syslog's escapes: newline, carriage return. */
const BANNER_START = '#012#015';
const PANIC_BANNER = 'panic[cpu';

/**
 * The kind of output a line starts when the line is one no output line can be mistaken for: a
 * column header, a `::findstack` thread header, `::status`'s or a panic's first line. Null for
 * anything else, output rows included.
 */
export function outputHeaderKind(line: string): SectionKind | null {
  const columns = columnHeaderKind(line);
  if (columns !== null) return columns;
  const t = line.trim();
  if (t.startsWith('stack pointer for thread ') || t.startsWith('Possible stack pointers for thread ')) return 'findstack';
  if (t.startsWith('debugging crash dump ') || t.startsWith('debugging live kernel ')) return 'status';
  if (t.startsWith('panic[cpu') || t.startsWith('BAD TRAP:') || isSyslogPanic(line)) return 'panic';
  return null;
}

/**
 * The kind of output whose column header the line is (`::cpuinfo`'s, `::stacks`', ...); null for
 * anything else. Unlike a thread's stack header (`::threadlist -v` indents those), no output
 * holds another's column header.
 */
export function columnHeaderKind(line: string): SectionKind | null {
  const t = line.trim();
  if (t.startsWith('ID ADDR') && t.includes(' FLG ') && t.includes('NRUN')) return 'cpuinfo';
  if (t.startsWith('THREAD') && t.includes(' STATE ') && t.includes('SOBJ')) return 'stacks';
  if (t.startsWith('ADDR ') || t === 'ADDR') {
    if (t.includes('CMD/LWPID') || (t.includes(' LWP ') && t.includes(' CLS '))) return 'threadlist';
    if (isThreadHeader(t) || (line.length >= MIN_WRAP_WIDTH && isCutThreadHeader(t))) return 'thread';
    if (isMutexHeader(t)) return 'mutex';
    if (isRwlockHeader(t)) return 'rwlock';
    if (isTurnstileHeader(t)) return 'turnstile';
    if (isWchaninfoHeader(t)) return 'wchaninfo';
  }
  if (t.startsWith('S ') && psHeader(t) !== null) return 'ps';
  if (t.startsWith('SLOT ') && isClassHeader(t)) return 'classes';
  return null;
}

/** The kind of output a line starts, judged by shape alone; null when it starts nothing we know. */
export function outputStartKind(line: string): SectionKind | null {
  const header = outputHeaderKind(line);
  if (header !== null) return header;
  const t = line.trim();
  if (isFrameLine(line)) return 'frames';
  if (t.startsWith('sizeof (') || t === '{' || (t.endsWith(' {') && !t.includes('(') && !C_BLOCK_WORDS.has(t.slice(0, t.indexOf(' '))) && !looksLikeProse(t))) return 'print';
  if (isMemberLine(t)) return 'print';
  if (isPanicinfoStart(line)) return 'panicinfo';
  if (isSystemLine(t)) return 'system';
  if (isNumberRow(line) || isLabelledNumberRow(t)) return 'format';
  if (isStacksGroupLine(t) || isStacksFrameLine(line)) return 'stacks';
  return null;
}

/** The line starts output (`strict`: as a header, which no output row passes for; see outputHeaderKind). */
export function startsOutput(line: string, strict: boolean): boolean {
  return (strict ? outputHeaderKind(line) : outputStartKind(line)) !== null;
}

const STACKS_STATES: ReadonlySet<string> = new Set(THREAD_STATES.map((s) => s.stacksName));

/** C words that open a block (`do {`, `else {`): a `::print` opening names a type or member. */
const C_BLOCK_WORDS: ReadonlySet<string> = new Set(['do', 'else', 'if', 'for', 'while', 'switch']);
/** C words that start a statement; no `::print` member is named so. */
const C_STATEMENT_WORDS: ReadonlySet<string> = new Set([...C_BLOCK_WORDS, 'return', 'case', 'goto', 'break;', 'continue;', 'default:']);

/**
 * A line of C source a person quoted (`cpu_t *cp = CPU;`, `if (x ||`, `} while (cp != start);`):
 * `::print` never ends a line with `;`, `||` or `&&`, nor names a member after a C keyword. Read
 * inside output pasted without its command, it says that output was code.
 */
export function isCodeLine(line: string): boolean {
  const t = line.trim();
  if (t.endsWith(';') || t.endsWith('||') || t.endsWith('&&')) return true;
  const sp = t.search(/[ (]/);
  return C_STATEMENT_WORDS.has(sp < 0 ? t : t.slice(0, sp));
}

/** `ffff8000445bec20 SLEEP    CV                      1`: a `::stacks` group line. */
function isStacksGroupLine(t: string): boolean {
  // A group line starts with its thread's hex address: most lines are turned away before splitting.
  if (!isHexCode(t.charCodeAt(0))) return false;
  const ws = words(t);
  if (ws.length !== 4 || !isHexDigits(ws[0]!)) return false;
  return (STACKS_STATES.has(ws[1]!) || ws[1]!.startsWith('INVAL/')) && (/^[0-9]+$/.test(ws[3]!) || ws[3] === '-');
}

/** `                 cv_wait+0x74`: a `::stacks` frame (W+1 spaces, one symbol, no parentheses). */
function isStacksFrameLine(line: string): boolean {
  const lead = line.length - line.trimStart().length;
  if (lead !== 17 && lead !== 9) return false;
  const t = line.trim();
  return t.length > 0 && !t.includes(' ') && !t.includes('(') && /^[A-Za-z_.`$0-9]+(\+(0x)?[0-9a-f]+)?$/.test(t);
}

/** `                ffffffffffffffff ffffffffffffffff ` or `        -1    -1`: format output with no label. */
function isNumberRow(line: string): boolean {
  if (!line.startsWith('        ')) return false;
  const ws = words(line);
  if (ws.length === 0) return false;
  // `=p` and `/p` print pointers with their `0x` (the illumos test mdb/format/tst.format-p).
  for (const w of ws) if (!isHexNumberWord(w)) return false;
  return true;
}

/**
 * How far mdb itself indents a first line of output whose text (leading spaces off) is `text`,
 * each width it may have: a header printed with `%?s` right-aligns `ADDR` in a pointer's width
 * (12 spaces before it on a 64-bit target, 4 on a 32-bit one, 1 once squeezed), `::panicinfo`
 * its `cpu` label in 16, `::cpuinfo` puts a space before `ID`, `::stacks` a frame under its
 * 16-digit THREAD column and a format a row of numbers under an address column it leaves blank;
 * anything else starts at column 0.
 */
export function ownIndents(text: string): number[] {
  if (text.startsWith('ADDR ')) return [12, 4, 1];
  if (text.startsWith('cpu ')) return [13];
  if (text.startsWith('ID ')) return [1];
  // Only the 64-bit column: 9 would take DTrace's stack() frames (14 spaces before them) for a
  // 32-bit ::stacks block indented by 5.
  if (isStacksFrameLine(' '.repeat(17) + text)) return [17];
  if (isNumberRow(' '.repeat(16) + text)) return [16, 8];
  return [0];
}

/** A line that starts output though indented: a header printed with `%?s` (`  ADDR ...`), `::panicinfo`'s first row. */
export function isIndentedStart(line: string): boolean {
  return line.trimStart().startsWith('ADDR ') || isPanicinfoStart(line);
}

/** `             cpu               10`: `::panicinfo`'s first row, its label right-aligned to 16 columns. */
function isPanicinfoStart(line: string): boolean {
  if (!line.startsWith('             cpu ')) return false;
  const v = line.slice(17).trim();
  return v.length > 0 && /^[0-9]+$/.test(v);
}

/**
 * `::print` of a member at column 0: `ffffff01dde41b90 ts_timeleft = 0xff9b0253` (`-a`: its
 * address, its name, `=`, a value), or `t_bound_cpu = 0` when the member is one of the dispatcher
 * structs' (a person's `x = 1` names none, and has no address before it).
 */
function isMemberLine(t: string): boolean {
  // Rows of ::threadlist and ::stacks start with hex too: the ` = ` turns them away before a split.
  if (!t.includes(' = ')) return false;
  const ws = words(t);
  if (ws.length === 3 && ws[1] === '=') return isStructMember(ws[0]!) && isValueWord(ws[2]!);
  return isHexCode(t.charCodeAt(0)) && ws.length >= 4 && ws[2] === '=' && isAddressWord(ws[0]!) && !ws[0]!.endsWith(':') && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(ws[1]!);
}

/**
 * `    8 struct list *next `: a member of a `::print -t` listing of a type with no address, its
 * offset first (`2.3` for a bit-field) and no value (the illumos tests mdb/typedef). Its type
 * words read like a sentence; inside ::print output they are none.
 */
export function isOffsetMemberLine(line: string): boolean {
  const ws = words(line);
  if (ws.length < 3 || ws.includes('=')) return false;
  const dot = ws[0]!.indexOf('.');
  if (!isHexNumberWord(dot < 0 ? ws[0]! : ws[0]!.slice(0, dot))) return false;
  return /^\**[A-Za-z_][A-Za-z0-9_]*(\[[0-9]*\])*$/.test(ws[ws.length - 1]!);
}

/** `-1`, `63`, `0x63`: a number in hex as a format or ::print shows it, maybe negative. */
function isHexNumberWord(w: string): boolean {
  const d = w.startsWith('-') ? w.slice(1) : w;
  return isHexDigits(d.startsWith('0x') ? d.slice(2) : d);
}

/** `0`, `0x63`, `0t99`, `-1`, `0xffffff01dde41b90`: a value ::print shows for a number or a pointer. */
function isValueWord(w: string): boolean {
  if (isHexNumberWord(w)) return true;
  const d = w.startsWith('-') ? w.slice(1) : w;
  return d.startsWith('0t') && isHexDigits(d.slice(2));
}

/**
 * `0xffffff01dde41b90:             -6618541`: a format's output under its address, every value a
 * number; or a tunable's name alone, the line mdb prints first for a symbol (`kpreemptpri:`). The
 * label is an address (8 to 16 hex digits) or a tunable's name. (An address alone is not taken:
 * a macro's output has such lines among its own, `0x70ae3228:` above a stack in `$<bufctl_audit`.)
 */
function isLabelledNumberRow(t: string): boolean {
  const colon = t.indexOf(':');
  if (colon <= 0) return false;
  const label = t.slice(0, colon);
  const tunable = KEPT_TUNABLES.has(label);
  if (!(tunable || isAddressWord(label))) return false;
  if (colon === t.length - 1) return tunable;
  if (t.charCodeAt(colon + 1) !== 32) return false;
  const ws = words(t.slice(colon + 1));
  if (ws.length === 0) return false;
  return ws.every(isHexNumberWord);
}

/** Phrases that start mdb or console output lines even though they read like English. */
const OUTPUT_PHRASES = [
  'stack pointer for thread',
  'Possible stack pointers',
  'debugging ',
  'operating system:',
  'panic',
  'image uuid:',
  'dump content:',
  'mdb:',
  'kmdb:',
  'Loading modules',
  'Loaded modules',
  'Welcome to kmdb',
  'sizeof ',
  'set ',
  'BAD TRAP',
  'NOTICE:',
  'WARNING:',
];

function isWord(w: string): boolean {
  let s = 0;
  let e = w.length;
  // Trailing and leading punctuation of ordinary writing.
  while (s < e && '("\'*'.includes(w[s]!)) s++;
  while (e > s && '.,;:!?)"\'*'.includes(w[e - 1]!)) e--;
  if (e - s < 1) return false;
  // `ffffffffffffffff` is all letters but it is a number.
  if (e - s >= 8 && isHexDigits(w.slice(s, e))) return false;
  let letters = 0;
  for (let i = s; i < e; i++) {
    const c = w.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
    if (letter) letters++;
    else if (c !== 39 && c !== 45) return false;
  }
  // `-` and `'` join words (`don't`, `re-run`) but are none alone (`-` is an empty table cell).
  return letters > 0;
}

function isNumberWord(w: string): boolean {
  const d = w.startsWith('-') ? w.slice(1) : w;
  return d.length > 0 && /^[0-9]+$/.test(d);
}

/** A line of natural-language writing: several words, mostly plain words, no mdb phrase. */
export function looksLikeProse(line: string): boolean {
  const t = line.trim();
  if (t.length === 0) return false;
  for (const p of OUTPUT_PHRASES) if (t.startsWith(p)) return false;
  const ws = words(t);
  if (ws.length < 4) return false;
  let n = 0;
  let lower = 0;
  for (const w of ws) {
    if (isWord(w)) n++;
    if (w !== w.toUpperCase()) lower++;
  }
  // Table headers (`ID ADDR FLG NRUN ...`) are words too, but never lower case.
  return n / ws.length >= 0.6 && lower * 2 >= ws.length;
}

/**
 * Words set in columns (`vmem                         memory     memory    memory`): two or more
 * gaps of three spaces or more. Writing has none; a table printed after a blank line has them.
 */
export function isColumnRow(line: string): boolean {
  const t = line.trim();
  let gaps = 0;
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) === 32) run++;
    else {
      if (run >= 3) gaps++;
      run = 0;
    }
  }
  return gaps >= 2;
}

/** A line that carries no machine data: no long hex run, starts with a letter. For trimming a section's tail. */
export function looksLikeText(line: string): boolean {
  const t = line.trim();
  if (t.length === 0) return false;
  if (looksLikeProse(t)) return true;
  for (const p of OUTPUT_PHRASES) if (t.startsWith(p)) return false;
  const c = t.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  const ws = words(t);
  let numbers = 0;
  for (const w of ws) {
    if (isAddressWord(w) || isSymbolOffset(w)) return false;
    if (isNumberWord(w)) numbers++;
  }
  // A table row (`kmem_magazine_1  16  3186  3200 ...`) is data, not a sentence.
  return numbers * 3 < ws.length;
}

/** Lines mdb prints around commands that carry no dispatcher data but are recognised. */
export function isBanner(line: string): boolean {
  // Every banner starts with one of `L W m k r >`: most lines are turned away before any copy is made.
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (!'LWmkr>'.includes(line.charAt(i)) || i === line.length) return false;
  const t = line.trim();
  return (
    t.startsWith('Loading modules: [') ||
    t.startsWith('Loaded modules: [') ||
    t.startsWith('Welcome to kmdb') ||
    t.startsWith('mdb: warning: dump is from') ||
    isPagerPrompt(t) ||
    isStoppedBanner(t) ||
    isRadixLine(t)
  );
}

/** `radix = 16 base ten`: what `$d` with no value prints (the illumos tests mdb/numbers). */
export function isRadixLine(t: string): boolean {
  if (!t.startsWith('radix = ') || !t.endsWith(' base ten')) return false;
  const n = t.slice('radix = '.length, -' base ten'.length);
  return n.length <= 2 && isDecimalDigits(n);
}

/** mdb's pager prompt, `>> More [<space>, <cr>, q, n, c, a] ?`: the rest of the output waits for a key. */
export function isPagerPrompt(t: string): boolean {
  return t.startsWith('>> More [');
}

/** `mdb: target stopped at:` (kmdb too): the next line is the stop location. */
export function isStoppedBanner(t: string): boolean {
  return t === 'mdb: target stopped at:' || t === 'kmdb: target stopped at:';
}

/** A module list that `Loading modules: [` left open (no `]`), wrapped onto more lines. */
export function opensModuleList(t: string): boolean {
  return (t.startsWith('Loading modules: [') || t.startsWith('Loaded modules: [')) && !t.includes(']');
}

/** A wrapped line of a module list: module names (`cpu.generic`, `stmf_sbd`), maybe closed by `]`. */
export function continuesModuleList(line: string): boolean {
  const ws = words(line);
  if (ws.length === 0) return false;
  for (let k = 0; k < ws.length; k++) {
    let w = ws[k]!;
    if (k === ws.length - 1 && w.endsWith(']')) w = w.slice(0, -1);
    if (w.length === 0) continue;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
      if (!ok) return false;
    }
  }
  return true;
}

/** `kmdb_enter+0xb:  movq   %rax,%rdi`: where a stopped target is, as printed under the banner. */
export function isStopLocation(line: string): boolean {
  const t = line.trim();
  const colon = t.indexOf(':');
  return colon > 0 && isSymbolOffset(t.slice(0, colon)) && !t.slice(0, colon).includes(' ');
}

/** Data-looking line outside any section: long hex runs and few words. Such lines are never silently prose. */
export function looksLikeStrayOutput(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || looksLikeProse(t)) return false;
  let hex = 0;
  const ws = words(t);
  for (const w of ws) if (isAddressWord(w)) hex++;
  return hex > 0 && hex * 3 >= ws.length;
}

/** `kmem_zalloc+0x30`, `pid_assign+8`, `swtch+0x1e6()`: a code address as mdb prints it. */
function isSymbolOffset(w: string): boolean {
  const plus = w.indexOf('+');
  if (plus <= 0) return false;
  let off = w.slice(plus + 1);
  const paren = off.indexOf('(');
  if (paren >= 0) off = off.slice(0, paren);
  if (off.startsWith('0x')) off = off.slice(2);
  return isHexDigits(off);
}

/** A kernel address as mdb prints it: 8 to 16 hex digits, maybe `0x`, maybe a trailing `:` or `,`. Git hashes (40) are not. */
function isAddressWord(w: string): boolean {
  let h = w.startsWith('0x') ? w.slice(2) : w;
  while (h.length > 0 && ':,()'.includes(h[h.length - 1]!)) h = h.slice(0, -1);
  return h.length >= 8 && h.length <= 16 && isHexDigits(h);
}
