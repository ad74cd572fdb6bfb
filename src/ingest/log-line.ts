// Lines of a system log pasted around a panic forwarded through syslog (/var/adm/messages, an
// rsyslog file): `STAMP HOST TAG: text`. The panic's own lines are the kernel's, tagged
// `[ID n kern.level]`; a daemon's line (`rsyslogd3: No files configured ...`) or another
// facility's (`savecore: [ID 570001 auth.error] reboot after panic: ...`) is the log around it.
import { stripSyslogPrefix } from '../../grammar/panic/syslog.ts';
import { isConsolePanicLine } from '../../grammar/panic/index.ts';
import { isoStamp, monthStamp } from './stamps.ts';
import type { SourceLine } from '../../grammar/common/source.ts';
import { isBlank } from '../../grammar/common/lines.ts';
import { MIN_WRAP_WIDTH, type Rejoined } from './width-wrap.ts';
import { looksLikeProse } from './shapes.ts';

/** A syslog tag is a program name, maybe with `[pid]`: no wider than this. */
const MAX_TAG = 48;
/** How far into a line a kernel's `[ID` tag may start: a stamp, a host name and a tag. */
const MAX_LOG_PREFIX = 160;

/** The index after `STAMP HOST TAG: ` (ISO 8601 or `Dec  6 07:12:01` stamp), or -1. */
function afterTag(line: string): number {
  const stamp = Math.max(isoStamp(line), monthStamp(line));
  if (stamp <= 0 || stamp >= line.length) return -1;
  const hostEnd = line.indexOf(' ', stamp);
  if (hostEnd <= stamp) return -1;
  const colon = line.indexOf(': ', hostEnd + 1);
  if (colon <= hostEnd + 1 || colon - hostEnd > MAX_TAG || line.slice(hostEnd + 1, colon).includes(' ')) return -1;
  return colon + 2;
}

/** Whether the log line's text, from `at`, opens with a kernel's `[ID n kern.level]` tag. */
function kernelTagAt(line: string, at: number): boolean {
  if (!line.startsWith('[ID ', at) || stripSyslogPrefix(line) === null) return false;
  const end = line.indexOf(']', at);
  return line.slice(at, end).includes(' kern.');
}

/** A log line that no kernel wrote: a stamp, a host, a tag, and no `[ID n kern.level]` after it. */
export function isOtherLogLine(line: string): boolean {
  const at = afterTag(line);
  return at >= 0 && !kernelTagAt(line, at);
}

/**
 * A log line the kernel wrote, its console text forwarded: `[STAMP] HOST unix: [ID 836849
 * kern.notice] ...`. The stamp may be gone: a run of stamped lines is read without them (prefix.ts).
 */
export function isKernelLogLine(line: string): boolean {
  const at = line.indexOf('[ID ');
  return at >= 2 && at <= MAX_LOG_PREFIX && line.charCodeAt(at - 2) === 58 /* : */ && line.charCodeAt(at - 1) === 32 && kernelTagAt(line, at);
}

/** A line that starts a log line of its own, stamped or not: never the rest of another. */
export function startsLogLine(line: string): boolean {
  return afterTag(line) >= 0 || isKernelLogLine(line);
}

/**
 * How many pieces a panic's line may be cut into, and so how far back a piece looks for its head: a
 * line of registers, or a 146-character message, cut at 40 columns takes four. Shared with console-wrap.ts.
 */
export const MAX_PIECES = 4;

/** The one width every cut shares, when two cuts or more show it: a fixed-width wrap's. One cut alone proves no width. */
export function sharedCutWidth(cutWidths: ReadonlySet<number>, cuts: number): number | null {
  return cutWidths.size === 1 && cuts >= 2 ? [...cutWidths][0]! : null;
}

/**
 * Whether `line` is the rest of a kernel log line a wrap cut, the lines before it being `before`:
 * no log line starts without its stamp and tag, and the last of them was the kernel's, with only
 * pieces as wide as a wrap's since.
 */
export function restOfLogLine(before: readonly { text: string }[], line: string): boolean {
  if (!isRest(line)) return false;
  for (let k = before.length - 1; k >= 0 && k >= before.length - MAX_PIECES; k--) {
    const t = before[k]!.text;
    if (isKernelLogLine(t)) return true;
    if (t.length < MIN_WRAP_WIDTH || startsLogLine(t)) return false;
  }
  return false;
}

/**
 * Kernel log lines a wrap cut, joined again with every piece (a line of registers may take three).
 * Each log line starts with its stamp and tag, so a line without them after a kernel's is its
 * rest. How the pieces join depends on the wrap, told from every line the section cut: a
 * fixed-width wrap (a terminal's copy) cuts each at one width (two cuts at least show it),
 * anywhere, and the pieces join as they are; a wrap at a space cuts them at different widths and
 * leaves the space on the line, or not once an editor strips trailing spaces, and then the join
 * puts it back. A sentence that may be a person's is prose (see the loop). A panic section is read
 * whole, never in parts, so looking at all of its lines is looking at what came before too.
 */
export function rejoinCutLogLines(lines: readonly SourceLine[]): Rejoined {
  const cutWidths = new Set<number>();
  let cuts = 0;
  let widestHead = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!isKernelLogLine(t)) continue;
    widestHead = Math.max(widestHead, t.length);
    const next = lines[i + 1];
    if (next === undefined || !isRest(next.text)) continue;
    cutWidths.add(t.length);
    cuts++;
  }
  const fixed = sharedCutWidth(cutWidths, cuts);
  const joined = new Map<number, number[]>();
  const prose: number[] = [];
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    // Joined as the wrap says, and the other way: which of them the panic reader can read decides.
    let text = head.text;
    let other = head.text;
    let prev = head.text;
    const rest: number[] = [];
    // A fixed-width wrap cuts only lines as wide as the widest, at that width. (A head's width says
    // little more: the splitter may have taken its stamp off.)
    const cut = isKernelLogLine(text) && (fixed === null || (text.length === fixed && fixed >= widestHead));
    for (let next = lines[i + 1]; cut && next !== undefined && isRest(next.text) && rest.length < MAX_PIECES; next = lines[i + 1]) {
      // A sentence after a log line that reads alone joins it only where the wrap shows (one fixed
      // width, or the space a wrap at a space leaves); else it is a person's, which would read as
      // the panic's message. A line that reads as nothing without it (`Bad` + `kernel fault at
      // addr=0x28`) needs it.
      if (looksLikeProse(next.text) && fixed === null && !prev.endsWith(' ') && isConsolePanicLine(text)) {
        // The person's line and any pieces of it: none of them is the panic's.
        for (let n = lines[i + 1]; n !== undefined && isRest(n.text); n = lines[i + 1]) {
          prose.push(n.no);
          i++;
        }
        break;
      }
      prev = next.text;
      const asIs = text.endsWith(' ') || next.text.startsWith(' ');
      text += fixed !== null || asIs ? next.text : ` ${next.text}`;
      other += fixed === null || asIs ? next.text : ` ${next.text}`;
      rest.push(next.no);
      i++;
    }
    if (!isConsolePanicLine(text) && isConsolePanicLine(other)) text = other;
    out.push(rest.length === 0 ? head : { no: head.no, text });
    if (rest.length > 0) joined.set(head.no, rest);
  }
  return { lines: joined.size === 0 && prose.length === 0 ? lines : out, joined, ...(prose.length > 0 ? { prose } : {}) };
}

/** A line that is neither blank nor a log line of its own: the rest of one a wrap cut. */
function isRest(line: string): boolean {
  return !isBlank(line) && !startsLogLine(line);
}
