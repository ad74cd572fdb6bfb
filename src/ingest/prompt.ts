// Prompt lines: `> cmd` (mdb), `[0]> cmd` (kmdb), `[0]: cmd` (old Solaris docs), shell lines
// that run mdb with a command (`mdb -ke "::cpuinfo -v"`), and commands shown with no prompt.
import { parseCommandLine } from '../../grammar/command/index.ts';
import { isSymbolName, type CommandStage, type ParsedCommand } from '../../grammar/common/command-types.ts';
import { isHexDigits } from '../../grammar/common/numbers.ts';
import { isWordChar } from '../../grammar/common/matchers.ts';
import { isWriteStage } from '../../grammar/format/write.ts';
import { KEPT_TUNABLES } from '../../illumos/index.ts';
import { isKnownDcmd } from './kind.ts';
import { looksLikeProse } from './shapes.ts';

export type PromptLine =
  /** A prompt with a command after it, and which program's prompt it was. */
  | { type: 'command'; command: string; parsed: ParsedCommand; style: PromptStyle; then?: FedCommand[] }
  /** A prompt with nothing after it (`> ` on its own). */
  | { type: 'empty' }
  /**
   * A shell line that starts mdb without a command (`# mdb -k`, `$ mdb unix.1 vmcore.1`), or a
   * shell prompt with nothing typed (isBareShellPrompt); with `heredoc`, mdb reads its commands
   * from the lines after it, up to one that is `word` alone (`mdb -k <<EOF`); with `fed`, the
   * commands an echo or printf piped into mdb, one per `\n` escape (`printf '::status\n::cpuinfo\n'
   * | mdb -k`), whose outputs follow with no prompt between.
   */
  | { type: 'shell'; heredoc?: Heredoc; fed?: FedCommand[] };

/** A command a shell line gave mdb, as typed. */
export interface FedCommand {
  command: string;
  parsed: ParsedCommand;
}

/**
 * A here-document's end: the word alone on a line. Taken indented too: `<<-` lets tabs indent it,
 * and a paste may have indented the whole script.
 */
export interface Heredoc {
  word: string;
}

/**
 * Whose prompt a command was typed at: `> ` (mdb), `[N]> ` or `[N]: ` (kmdb, and also the guest
 * debugger of a bhyve VM, which prints the same `[N]> `), a shell line running mdb, or none shown
 * (`bare`: a rendered Markdown quote drops the `> `, and people write commands out without it).
 */
export type PromptStyle = 'mdb' | 'kmdb' | 'shell' | 'bare';

const MAX_PROMPT_INDENT = 8;

/** Whether the line starts with an mdb or kmdb prompt (`> `, `[0]> `, `[0]: `, or one alone). */
export function startsWithPrompt(line: string): boolean {
  return afterPrompt(line) !== null;
}

/** The text after an mdb/kmdb prompt at the start of the line, or null if there is no prompt. */
function afterPrompt(line: string): string | null {
  let i = 0;
  while (i < line.length && i < MAX_PROMPT_INDENT && line[i] === ' ') i++;
  if (line[i] === '>') {
    if (i + 1 === line.length) return '';
    return line[i + 1] === ' ' ? line.slice(i + 2) : null;
  }
  if (line[i] === '[') {
    let j = i + 1;
    while (j < line.length && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
    if (j === i + 1 || line[j] !== ']') return null;
    const p = line[j + 1];
    if (p !== '>' && p !== ':') return null;
    if (j + 2 === line.length) return '';
    return line[j + 2] === ' ' ? line.slice(j + 3) : null;
  }
  return null;
}

/** Longest prompt name taken (`mdb -P 'chrufs> '` names the host). */
const MAX_PROMPT_NAME = 24;

/**
 * The text after a prompt mdb was given with -P or `::set -P` (`mdb> `, `kmdb> `, a host name and
 * `> `) at the start of the line: a word of letters, digits, `_`, `.` or `-`, then `> `; null when
 * there is none. Only a command read after it as one is read with no prompt makes the line a
 * prompt (readPrompt).
 */
function afterNamedPrompt(line: string): string | null {
  let i = 0;
  while (i < line.length && i < MAX_PROMPT_INDENT && line[i] === ' ') i++;
  const start = i;
  while (i < line.length && i - start <= MAX_PROMPT_NAME && isNameChar(line.charCodeAt(i))) i++;
  if (i === start || i - start > MAX_PROMPT_NAME || !isLetter(line.charCodeAt(start))) return null;
  return line[i] === '>' && line[i + 1] === ' ' ? line.slice(i + 2) : null;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/**
 * Each quote mark and the mark that closes it: ASCII, and the curly pairs a word processor or
 * mail client put in their place (`mdb -ke ‘::cpuinfo -v’`; no shell ran that line, a person's
 * copy of it did).
 */
const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\u2018': '\u2019', '\u201c': '\u201d' };

function unquote(s: string): string {
  const t = s.trim();
  const close = CLOSING_QUOTE[t[0] ?? ''];
  if (t.length >= 2 && close !== undefined && t[t.length - 1] === close) return t.slice(1, -1);
  return t;
}

/** `... mdb [-k] -e "cmd"` or `... mdb -ke 'cmd'`: the quoted command; '' when mdb runs without one; null when no mdb. */
function shellMdbCommand(line: string): string | null {
  if (!line.includes('mdb')) return null;
  const words = line.trim().split(/\s+/);
  const at = words.findIndex((w) => w === 'mdb' || w.endsWith('/mdb'));
  if (at < 0) return null;
  // Only a shell prompt may come before mdb (`# mdb`, `[root@h ~]# mdb`, `$ pfexec mdb`), or an
  // echo or printf piped into it (`# echo '::cpuinfo -v' | mdb -k`, `echo kpreemptpri/W 0t99 | mdb -kw`).
  const before = words.slice(0, at).filter((w) => w !== 'sudo' && w !== 'pfexec');
  const last = before[before.length - 1];
  if (last === '|') return echoedCommand(line.slice(0, line.indexOf(words[at]!)));
  if (last !== undefined && !'#$%'.includes(last[last.length - 1]!)) return null;
  const rest = line.slice(line.indexOf(words[at]!) + words[at]!.length);
  const m = /(?:^|\s)-[A-Za-z]*e\s+/.exec(rest);
  if (m === null) return '';
  return unquote(rest.slice(m.index + m[0].length));
}

/** A line of a here-document that feeds mdb: a command as typed, with no prompt; null when it is not one. */
export function readHeredocLine(line: string): { command: string; parsed: ParsedCommand } | null {
  const p = commandOf(line.trim(), 'shell');
  return p === null || p.type !== 'command' ? null : { command: p.command, parsed: p.parsed };
}

/** `<<EOF`, `<< 'EOF'`, `<<-"END"` on a shell line that runs mdb (after it, or after the `cat` feeding it); null when it has none. */
function heredocOf(line: string): Heredoc | null {
  const at = line.indexOf('<<');
  if (at < 0) return null;
  const m = /^<<-?[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(line.slice(at, at + 64));
  return m === null ? null : { word: m[2]! };
}

/**
 * `[prompt] echo TEXT |` or `[prompt] printf TEXT |`, the part of a shell line before `mdb`: TEXT
 * unquoted, which mdb reads as its commands (readPrompt splits them at `\n` escapes); '' for
 * `[prompt] cat <<EOF |` (the commands are the here-document's lines) and for a printf whose format
 * takes arguments (they are not read here); null when the pipe is fed by anything else. The pipe
 * is the last `|` outside quotes (`echo '::walk thread | ::findstack -v' | mdb -k`).
 */
function echoedCommand(head: string): string | null {
  const { at, open } = unquoted(head);
  let pipe = -1;
  for (const i of at) if (head[i] === '|') pipe = i;
  if (pipe < 0 || open) return null;
  const feed = head.slice(0, pipe).trim();
  const cat = feed.startsWith('cat <<') ? 0 : feed.indexOf(' cat <<');
  if (cat >= 0) {
    const prompt = feed.slice(0, cat).trim();
    return prompt === '' || '#$%'.includes(prompt[prompt.length - 1]!) ? '' : null;
  }
  // The first of the two, so that `echo 'use printf' |` is an echo.
  const echo = wordAt(feed, 'echo ');
  const printf = wordAt(feed, 'printf ');
  if (echo < 0 && printf < 0) return null;
  const verb = printf >= 0 && (echo < 0 || printf < echo) ? 'printf ' : 'echo ';
  const start = verb === 'printf ' ? printf : echo;
  // Nothing but a shell prompt before the echo or printf.
  const prompt = feed.slice(0, start).trim();
  if (prompt !== '' && !'#$%'.includes(prompt[prompt.length - 1]!)) return null;
  let args = feed.slice(start + verb.length).trim();
  // `echo -e '::status\n::cpuinfo'`: the escapes split the commands (readPrompt), with or without -e.
  if (verb === 'echo ' && /^-[en]+\s/.test(args)) args = args.slice(args.search(/\s/)).trim();
  const text = unquote(args);
  // A printf format that takes arguments (`printf '%s\n' ::status`) runs mdb on commands not read here.
  if (verb === 'printf ' && text.includes('%')) return '';
  return text.length > 0 ? text : null;
}

/** Where `word` (with its space) starts the text or follows a space in it; -1 when nowhere. */
function wordAt(text: string, word: string): number {
  if (text.startsWith(word)) return 0;
  const i = text.indexOf(` ${word}`);
  return i < 0 ? -1 : i + 1;
}

function pairedParens(expr: string): boolean {
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && --depth < 0) return false;
  }
  return depth === 0;
}

/** An address typed alone repeats the last command; accept it only when it is plainly an address or a variable, not a word of quoted prose. */
function plausible(parsed: ParsedCommand): boolean {
  const st = parsed.stages[0]!;
  // mdb's expression parser refuses an address whose brackets do not pair: `(best != NULL ...)) {`
  // after a quote marker is C, not `(best` and a shell escape.
  if (!parsed.stages.every((x) => pairedParens(x.addr ?? ''))) return false;
  // A format takes no arguments and an address has no brackets: `panic[cpu1]/thread=...: text`
  // after a quote marker is console text, not `addr/fmt`.
  // A write (`kpreemptpri/W 0t99`) takes its values.
  if (st.verb === 'format' && ((st.args.length > 0 && !isWriteStage(st)) || (st.addr ?? '').includes('['))) return false;
  if (st.verb !== 'repeat') return true;
  const a = st.addr ?? '';
  if (a.startsWith('<')) return true;
  const digits = a.startsWith('0x') || a.startsWith('0t') ? a.slice(2) : a;
  return isHexDigits(digits);
}

/**
 * Where a shell pipe starts (`$C ! demangle`, `::stacks !grep x`): a `!` outside quotes with mdb
 * text before it and not part of `!=`; -1 when there is none. mdb writes the output of the part
 * before it into the shell command, whose output is then what the terminal shows.
 */
function shellPipeAt(text: string): number {
  let before = false;
  for (const i of unquoted(text).at) {
    const c = text[i]!;
    if (c === '!' && before && text[i + 1] !== '=') return i;
    if (c !== ' ' && c !== '\t') before = true;
  }
  return -1;
}

/**
 * Where the characters of `text` outside single and double quotes (ASCII or curly) are, the quote
 * marks themselves excluded, as a shell reads a line; `open` when a quote is never closed.
 */
function unquoted(text: string): { at: number[]; open: boolean } {
  const at: number[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (CLOSING_QUOTE[c] !== undefined) quote = CLOSING_QUOTE[c];
    else at.push(i);
  }
  return { at, open: quote !== '' };
}

/** kmdb's execution verbs (`:c` continue, `:s` step, `:e` step over, `:z` delete all, `:u` step out). */
const RUN_VERBS: ReadonlySet<string> = new Set([':c', ':s', ':e', ':z', ':u', ':r']);

/** An mdb command line, with a shell pipe after it read apart: the command is what was typed, whole. */
function commandOf(after: string, style: PromptStyle): PromptLine | null {
  const t = after.trim();
  if (RUN_VERBS.has(t)) return { type: 'command', command: t, parsed: { text: t, stages: [{ addr: null, count: null, verb: 'builtin', name: t, args: [] }] }, style };
  const bang = shellPipeAt(after);
  const parsed = parseCommandLine(bang < 0 ? after : after.slice(0, bang));
  if (parsed === null || !plausible(parsed)) return null;
  return { type: 'command', command: bang < 0 ? parsed.text : after.trim(), parsed, style };
}

/** Commands a shell line or a here-document is taken to feed mdb at most (heredoc.ts): more is not mdb's. */
export const MAX_FED = 64;

/**
 * `::status; ::cpuinfo -v`: mdb runs the commands a `;` outside quotes separates one after the
 * other, and their outputs follow with no prompt between. The first is the line's command, the
 * rest its `then`, fed on as a here-document's are. Before a shell pipe (`!`) only: the shell gets
 * the rest of the line. Any part that is no command leaves the line to be read whole.
 */
function commandsOf(after: string, style: PromptStyle): PromptLine | null {
  const parts = separateCommands(after);
  if (parts.length <= 1) return commandOf(parts[0] ?? after, style);
  if (parts.length > MAX_FED) return commandOf(after, style);
  const read: FedCommand[] = [];
  for (const part of parts) {
    const c = commandOf(part, style);
    if (c === null || c.type !== 'command') return commandOf(after, style);
    read.push({ command: c.command, parsed: c.parsed });
  }
  const [first, ...then] = read;
  return { type: 'command', command: first!.command, parsed: first!.parsed, style, then };
}

/** The line, its trailing spaces off, ends with a pipe to a next stage it does not hold (not `||`). */
export function endsAtPipe(line: string): boolean {
  const t = line.trimEnd();
  return t.endsWith('|') && !t.endsWith('||');
}

/** The commands of a line, cut at each `;` outside quotes and before any shell pipe, blank ones dropped. */
function separateCommands(text: string): string[] {
  const bang = shellPipeAt(text);
  const end = bang < 0 ? text.length : bang;
  const parts: string[] = [];
  let from = 0;
  for (const i of unquoted(text).at) {
    if (i >= end) break;
    if (text[i] !== ';') continue;
    parts.push(text.slice(from, i));
    from = i + 1;
  }
  parts.push(text.slice(from));
  return parts.map((t) => t.trim()).filter((t) => t !== '');
}

export function readPrompt(line: string): PromptLine | null {
  const after = afterPrompt(line);
  if (after !== null) {
    if (after.trim() === '') return { type: 'empty' };
    return commandsOf(after, line.trimStart().startsWith('[') ? 'kmdb' : 'mdb');
  }
  // After a word and `> ` (a mail's quote may look so), only what reads as a command without a prompt.
  const named = afterNamedPrompt(line);
  const typed = named === null ? null : bareCommand(named);
  if (typed !== null && typed.type === 'command') return { ...typed, style: 'mdb' };
  const shell = shellMdbCommand(line);
  if (shell === null) return isBareShellPrompt(line) ? { type: 'shell' } : bareCommand(line);
  if (shell === '') {
    const heredoc = heredocOf(line);
    return heredoc === null ? { type: 'shell' } : { type: 'shell', heredoc };
  }
  // `printf '::status\n::cpuinfo -v\n' | mdb -k`: mdb reads one command per line the escapes make,
  // and on each line those a `;` separates (`mdb -ke '::status; ::cpuinfo -v'`).
  const texts = (shell.includes('\\n') ? shell.split('\\n') : [shell]).flatMap(separateCommands);
  const fed: FedCommand[] = [];
  for (const t of texts.slice(0, MAX_FED + 1)) {
    const parsed = parseCommandLine(t.trim());
    if (parsed === null) return { type: 'shell' };
    fed.push({ command: parsed.text, parsed });
  }
  if (fed.length === 1) return { type: 'command', command: fed[0]!.command, parsed: fed[0]!.parsed, style: 'shell' };
  return fed.length === 0 || fed.length > MAX_FED ? { type: 'shell' } : { type: 'shell', fed };
}

/** The longest shell prompt taken for one. */
const MAX_SHELL_PROMPT = 160;

/**
 * A shell prompt with nothing typed after it, as a session shows when mdb has exited
 * (`[root@headnode (BASEMENT) /var/crash/volatile]#`, `root@omnios:~$`): the output before it has
 * ended. Only the forms that name a user at a host, bracketed or `user@host:dir`, since a `#`, `$`
 * or `%` alone ends many other lines.
 */
export function isBareShellPrompt(line: string): boolean {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  const sigil = line[end - 1];
  if (sigil !== '#' && sigil !== '$' && sigil !== '%') return false;
  const body = line.slice(0, end - 1).trimStart();
  if (body.length < 3 || body.length > MAX_SHELL_PROMPT || !body.includes('@')) return false;
  if (body.startsWith('[')) return body.endsWith(']');
  return !body.includes(' ') && body.includes(':');
}

/**
 * A command with no prompt before it (`::cpuinfo -v`, `ffffff0007e01c40::findstack -v`,
 * `kpreemptpri/D`, `ADDR$<bufctl_audit`, `ADDR$C`), taken only where a sentence cannot be: at
 * column 0, its first word holding the `::`, `/` or `$`, and not reading as prose. A dcmd after a
 * symbol (`kpreemptpri::print`) must be one we read, as `std::vector` is C++; a format's address
 * must be hex of 8 digits or more, `0x` hex, or a tunable's name, as `I/O`, `N/A` and `and/or` are
 * words; of the builtins only the stack and register ones.
 */
function bareCommand(line: string): PromptLine | null {
  const c = line.charCodeAt(0);
  if (!(c === 58 || c === 36 || isWordChar(c))) return null;
  const sp = line.indexOf(' ');
  const first = sp < 0 ? line : line.slice(0, sp);
  if (!first.includes('::') && !first.includes('/') && !first.includes('$')) return null;
  if (looksLikeProse(line)) return null;
  const cmd = commandOf(line, 'bare');
  if (cmd === null || cmd.type !== 'command') return null;
  return cmd.parsed.stages.every((st, k) => bareStage(st, k === 0)) ? cmd : null;
}

function bareStage(st: CommandStage, first: boolean): boolean {
  const a = st.addr;
  if (!first) return a === null && (st.verb === 'dcmd' || st.verb === 'format');
  const hex = a !== null && (a.startsWith('0x') ? isHexDigits(a.slice(2)) : a.length >= 8 && isHexDigits(a));
  switch (st.verb) {
    case 'dcmd':
      return a === null || hex || (isSymbolName(a) && isKnownDcmd(st.name));
    case 'format':
      return st.immediate !== true && a !== null && (hex || KEPT_TUNABLES.has(a));
    case 'macro':
      return a === null || hex || isSymbolName(a);
    case 'builtin':
      return BARE_BUILTINS.test(st.name) && (a === null || hex) && st.args.every((w) => /^[0-9]+$/.test(w));
    case 'repeat':
      return false;
  }
}

/** `$c`, `$C` (with a frame count), `$r`: the builtins whose output is read. */
const BARE_BUILTINS = /^\$(?:[cC][0-9]*|r)$/;

/**
 * A prompt with a command, or (unless `strict`) a shell line that starts mdb: the surest signs of
 * a session. A command shown without a prompt is not one: it says nothing of what comes before it.
 */
export function isCommandLine(text: string, strict: boolean): boolean {
  const prompt = readPrompt(text);
  if (prompt === null || (prompt.type === 'command' && prompt.style === 'bare')) return false;
  return strict ? prompt.type === 'command' && prompt.style !== 'shell' : prompt.type !== 'empty';
}
