// Splitting a pasted text into mdb sections: one per typed command (prompt line), plus output
// recognised by its shape when it was pasted without its command. Lines are pushed one at a
// time so a large input can be streamed; completed sections are handed to `onSection`.
import type { SourceLine } from '../../grammar/common/source.ts';
import { hasOption, lastStage, type ParsedCommand } from '../../grammar/common/command-types.ts';
import { words } from '../../grammar/common/lines.ts';
import type { LineClass, SectionKind } from './types.ts';
import { expandTabs, isBlank, leadingSpaces } from './lines.ts';
import { endsAtPipe, isCommandLine, readPrompt, type PromptStyle } from './prompt.ts';
import { HeredocQueue } from './heredoc.ts';
import { decodeEntities, hasEncodedMarker } from './entities.ts';
import { kindOfCommand } from './kind.ts';
import {
  continuesModuleList,
  isBanner,
  isStopLocation,
  isStoppedBanner,
  looksLikeProse,
  looksLikeStrayOutput,
  opensModuleList,
  columnHeaderKind,
  outputStartKind,
  isCodeLine,
  isColumnRow,
  isIndentedStart,
  isOffsetMemberLine,
  isPagerPrompt,
  isRadixLine,
  startsOutput,
} from './shapes.ts';
import { mayBeContinued } from './unwrap.ts';
import { MIN_WRAP_WIDTH, WAITS_FOR_WIDTH, widest, WIDTH_FROM_INPUT, wordDidNotFit } from './width-wrap.ts';
import { MAX_LEAD, QuoteStripper } from './quote.ts';
import { decorationOf, stripInlineTag, withoutBreakTag, type Decoration } from './decoration.ts';
import { readable } from './terminal.ts';
import { joinedTranscript, mayBeJoined } from './joined.ts';
import { splitAnnotation, splitLeadingMark } from './annotation.ts';
import { learnPrefixes, type RunPrefix } from './prefix.ts';
import { fastThreadHeader, THREAD_HEADER } from '../../grammar/frames/fast.ts';
import { isConsolePanicLine } from '../../grammar/panic/index.ts';
import { isKernelLogLine, isOtherLogLine, restOfLogLine } from './log-line.ts';
import { looksLikeRegisterRow, restOfConsoleLine } from './console-wrap.ts';
import { isHexCode, isHexDigits } from '../../grammar/common/numbers.ts';
import { continuesMessage, linesIntoMessage } from '../../grammar/status/message.ts';

export interface RawSection {
  command: string | null;
  parsedCommand: ParsedCommand | null;
  /** Whose prompt the command was typed at; absent when the output came without its command. */
  prompt?: PromptStyle;
  kind: SectionKind;
  startLine: number;
  /** Output lines, decorations removed, in order. */
  body: SourceLine[];
  /** mdb warnings (`mdb: ...`) printed among the output of kinds whose grammar does not read them. */
  warnings: SourceLine[];
  /**
   * A long section comes in parts, cut where a new thread's stack starts, so that it is never held
   * whole: `part` counts from 0 and `last` marks the final one. Most sections are one part.
   */
  part: number;
  last: boolean;
  /**
   * The widest body line of the section's earlier parts (0 for the first): where a wrap width is
   * judged from the lines so far (read-section.ts), a part carries on from the parts before it.
   */
  widthBefore: number;
  /**
   * Body lines that are the rest of a line a wrap cut after a prefix was put before each line (a
   * stamp, a number, a quote): they came without it, so their widths are not the section's
   * lines' widths, and the width of the section's lines is judged without them.
   */
  rests?: number[];
  /**
   * The width a fixed-width wrap (a terminal's copy, `fold`) cut the input at, as its lines up to
   * the section's end show it: the widest line, when two or more were that wide; 0 when none. A short
   * section's own lines say little about it.
   */
  inputWidth?: number;
  /**
   * The line of an mdb pager prompt (`>> More [...] ?`) after which the output stops: the copy was
   * made while the pager waited, so what the command printed after it is not in the input.
   */
  pagerCut?: number;
}

/** Lines a wrapped `Loading modules: [` list may run on for. */
const MAX_BANNER_LINES = 12;

/** Prefixes stripped one inside another at most (a numbered listing of a commented session). */
const MAX_PREFIXES = 2;

/** Body lines after which a section of a kind that can be cut is handed on in parts. */
export const PART_LINES = 1024;

export interface SplitSink {
  onSection(s: RawSection): void;
  /** A line outside any section, or a prompt/banner line: its final class, and why when unrecognized. */
  onLine(no: number, cls: LineClass, why?: string): void;
  /** The writer's note taken off the end of a line (`<-- starved`), which is read without it. */
  onAnnotation?(no: number, note: string): void;
}

/** Kinds whose grammar reads `mdb: ...` warnings itself (stack failures are findings, not noise). */
const READS_WARNINGS: ReadonlySet<SectionKind> = new Set(['findstack', 'stacks', 'threadlist']);
/**
 * Kinds whose output can be cut before a line that starts a new block, and how to spot that line.
 * Only a header the grammar surely reads as one: anything else may belong to the block before it.
 */
const CUT_BEFORE: Partial<Record<SectionKind, (line: string) => boolean>> = {
  findstack: (l) => l.startsWith('stack pointer for thread ') && fastThreadHeader(l) !== null,
};
/**
 * Output that starts another section's kind at column 0 but, once a copy dropped indentation, is
 * part of the open one: a frame line in `::findstack`, and in `::threadlist -v` the stack of each
 * thread (`stack pointer for thread ...`, `[ fp func() ]`, frames).
 */
function continuesAtColumn0(open: RawSection, started: SectionKind): boolean {
  if (open.kind === 'findstack') return started === 'frames';
  return open.kind === 'threadlist' && (started === 'findstack' || started === 'frames') && isVerboseThreadlist(open);
}

/** `::threadlist -v`: so its command says, or its header's columns (`... CLS PRI WCHAN`). */
function isVerboseThreadlist(open: RawSection): boolean {
  const st = lastStage(open.parsedCommand);
  if (st?.verb === 'dcmd' && st.name === 'threadlist') return hasOption(st, 'v');
  const ws = words(open.body[0]?.text ?? '');
  return ws[0] === 'ADDR' && ws.includes('CLS') && ws.includes('WCHAN');
}

/** Kinds whose output ends with a blank line that belongs to it. */
const ENDS_WITH_BLANK: ReadonlySet<SectionKind> = new Set(['cpuinfo', 'stacks', 'threadlist']);

/** A section being read: its indentation is stripped from every line of its output. */
type OpenSection = RawSection & {
  indent: number;
  /**
   * Characters before the text of the line that opened the section (a quote, a line number or a
   * stamp, the prompt's indentation): a wrap width measured on whole lines is that much wider than
   * the section's own lines.
   */
  cut: number;
  /**
   * The prompt line, while a wrap may have put the command's rest on the next line: at the space it
   * ends with, or (`fixed`) at the wrap width, anywhere in a word. `piece`: the prompt's last line
   * as it came, when its text is two or more lines joined. `trimmed`: it ends with no space, as a
   * wrap at a space leaves it once a copy strips trailing spaces; the next line is its rest only
   * when that line's first word would not have fit beside it at the widest line so far (which
   * proves nothing when the prompt is that line: then only isCommandRest's shape speaks).
   */
  wrappedPrompt?: { text: string; lastKind: SectionKind | null; fixed?: boolean; piece?: string; trimmed?: boolean };
};

/** Words a wrapped command can end with: type, member and option words (`tsproc_t ts_timeleft`, `-a`). */
const COMMAND_WORD = /^-?[A-Za-z_][A-Za-z0-9_.]*(?:->[A-Za-z_][A-Za-z0-9_.]*|\[[0-9]+\])*$/;
/** Most words a wrapped command's rest is taken to hold; with a pipe to a next stage in it. */
const MAX_COMMAND_REST = 3;
const MAX_PIPED_REST = 8;
/** Body lines of short sections held for a wrap width to show (Splitter.held): what a run of them may keep back. */
const MAX_HELD_LINES = 4096;
/** A next stage's dcmd, with the address it may be given (`::print`, `::findstack`). */
const DCMD_WORD = /^::[A-Za-z_][A-Za-z0-9_]*$/;

/** A command line that ends with a pipe (`> ADDR::print kthread_t t_cldata | `): a wrap put its next stage on the next line. */
function endsWithPipe(text: string): boolean {
  return text.trimEnd().length >= MIN_WRAP_WIDTH && endsAtPipe(text);
}

/** Characters of a command's rest cut at the width: words, options, addresses, pipes, `->` and `[i]`. */
const COMMAND_REST = /^[-A-Za-z0-9_.:|$>[\] ]+$/;

/**
 * The rest of a command a fixed-width wrap cut anywhere (`> ...::print kthread_t t_c` then
 * `ldata | ::print -a tsproc_t ts_timeleft`): a line at column 0 of command characters that starts
 * no output playfair knows.
 */
function isFixedCommandRest(line: string): boolean {
  // One space first: the cut fell just before it. mdb's own complaint about the command is no part of it.
  if (line.trim() === '' || line.startsWith('  ') || line.startsWith('mdb: ') || line.startsWith('kmdb: ')) return false;
  return COMMAND_REST.test(line) && outputStartKind(line) === null;
}

/** The next stage of a pipe a wrap at a space moved down whole, pipe and all (`| ::print -a tsproc_t ts_timeleft`). */
function isNextStage(head: string, line: string): boolean {
  return line.startsWith('|') && line.slice(1).trimStart().startsWith('::') && wordDidNotFit(head, line, MIN_WRAP_WIDTH);
}

/** A `::findstack` thread header that does not read whole: a wrap cut it, and its rest is on the next line. */
function isCutThreadHeader(line: string | undefined): boolean {
  return line !== undefined && line.startsWith(THREAD_HEADER.trimEnd()) && fastThreadHeader(line) === null;
}

/** Whether `line` goes on the panic message of a ::status section whose lines so far are `body`. */
function continuesPanicMessage(body: readonly SourceLine[], line: string): boolean {
  const k = linesIntoMessage(body);
  return k !== null && continuesMessage(body[body.length - 1]!.text, k, line);
}

/**
 * The rest of a command a wrap at a space cut (`> ...::print -a ` then `tsproc_t ts_timeleft`):
 * a line at column 0 of at most three command words, not all hex (an address is output), that
 * starts no output playfair knows. A wrap at a space moves a word down only when it did not fit,
 * and no wrap is narrower than MIN_WRAP_WIDTH: a prompt of `head` characters and the first word
 * must be wider than that together (`> ::cpuinfo -v ` then `See below` is a person's line).
 */
function isCommandRest(head: string, line: string): boolean {
  if (line.length === 0 || line.charCodeAt(0) === 32 || outputStartKind(line) !== null) return false;
  if (!wordDidNotFit(head, line, MIN_WRAP_WIDTH)) return false;
  const ws = line.trimEnd().split(' ');
  if (ws.length <= MAX_COMMAND_REST && ws.every((w) => COMMAND_WORD.test(w)) && ws.some((w) => !isHexDigits(w))) return true;
  // More words when they hold the pipe to a next stage (`t_cldata | ::print -a tsproc_t`).
  const pipe = ws.indexOf('|');
  return pipe >= 0 && ws.length <= MAX_PIPED_REST && DCMD_WORD.test(ws[pipe + 1] ?? '') && ws.every((w, i) => i === pipe || i === pipe + 1 || COMMAND_WORD.test(w));
}

/** A line of an open section without the indentation the section's first line had, when it has that much. */
function withoutIndent(open: OpenSection, text: string): string {
  return open.indent > 0 && leadingSpaces(text) >= open.indent ? text.slice(open.indent) : text;
}

export class Splitter {
  private open: OpenSection | null = null;
  /**
   * Blank lines held until the next line says whose they are. A line of spaces keeps them (past the
   * section's indentation): a wrap at a space can leave a frame's indentation alone on a line.
   */
  private blanks: SourceLine[] = [];
  private lastKind: SectionKind | null = null;
  /**
   * Prefixes (`# `, a line number, a time stamp) being stripped from a run of lines that carry mdb
   * output, outermost first: a numbered listing of a session pasted as comments has two.
   */
  private prefixes: RunPrefix[] = [];
  private readonly quotes = new QuoteStripper();
  /** Quoting found inside learnt prefixes (see push). */
  private readonly innerQuotes = new QuoteStripper();
  /** mdb's own lines that go on after a banner: a wrapped module list, the stop location. */
  private bannerRest: { kind: 'modules' | 'stopped'; left: number } | null = null;
  /** Inside a fenced or `<pre>` block of the paste. */
  private inBlock = false;
  /**
   * The paste is escaped HTML (a page's source, an archived reply): a line started with `&gt;`, or
   * the block open is an HTML tag's, whose text a page must escape. Every line with an `&` is then
   * decoded, so the `-v` margin's `&lt;--+` reads as mdb printed it.
   */
  private htmlEscaped = false;
  private inHtmlBlock = false;

  /** The line of the last mdb pager prompt seen in the open section, while the section is open. */
  private pagerAt: number | null = null;
  /** Commands a here-document gave mdb (`mdb -k <<EOF`), while it is read and while their output comes. */
  private readonly heredoc = new HeredocQueue();

  private readonly partLines: number;
  private readonly fastLane: boolean;
  /** The lines pushed hold no escape sequence or Unicode space (their source was tested whole). */
  private plain = false;
  /** The lines pushed hold no join of a transcript onto one line (their source was tested whole: joined.ts). */
  private joinFree = false;
  /** The widest line pushed so far, how many lines were that wide, and the width of the line being taken: where a fixed-width wrap cut. */
  private widest = 0;
  private atWidest = 0;
  private width = 0;
  /** The line before the one being taken ran to the width (atWidth, measured when it came). */
  private prevAtWidth = false;
  /** That line was the widest so far (at least MIN_WRAP_WIDTH), even if no other line has shown the width yet. */
  private prevAtWidest = false;
  /** The line being taken and the one before it, as pushed. */
  private line = '';
  private prevLine = '';
  /** Characters the line being taken lost to its quote, prefixes and markup (OpenSection.cut). */
  private lineCut = 0;
  /** The line being taken is the rest of a cut line a prefix run let through (RawSection.rests). */
  private passedThrough = false;
  /**
   * Short sections (WIDTH_FROM_INPUT) closed before two lines showed a wrap width, and their body
   * lines: a `::panicinfo` first in the input, its message cut at the width, is handed on once
   * later lines show that width (or at the end, or past MAX_HELD_LINES), after nothing else.
   */
  private held: { section: RawSection; cut: number }[] = [];
  private heldLines = 0;

  /**
   * @param opts.partLines body lines after which a section that can be cut is handed on in parts
   * @param opts.fastLane take frame lines straight to the body (default); tests turn it off to
   *   check that it changes nothing
   */
  constructor(
    private readonly sink: SplitSink,
    opts: { partLines?: number; fastLane?: boolean } = {},
  ) {
    this.partLines = opts.partLines ?? PART_LINES;
    this.fastLane = opts.fastLane ?? true;
  }

  /**
   * Says whether the lines pushed from now on are known to hold nothing `readable()` changes, so
   * that each need not be tested: a caller with the whole text tests it once.
   */
  assumePlain(plain: boolean): void {
    this.plain = plain;
  }

  /** Says that no line pushed from now on holds a join (holdsNoJoins of the whole text), so none is looked at for one. */
  assumeNoJoins(): void {
    this.joinFree = true;
  }

  push(no: number, line: string): void {
    this.passedThrough = false;
    this.prevLine = this.line;
    this.line = line;
    this.measure(line.length);
    const shown = this.plain ? line : readable(line);
    // A `<br>` ending the line is a page's source, whose text escapes its `<`, `>` and `&`.
    const raw = withoutBreakTag(shown);
    if (raw !== shown) this.htmlEscaped = true;
    const encoded = hasEncodedMarker(raw);
    if (encoded) this.htmlEscaped = true;
    const escaped = (this.htmlEscaped || this.inHtmlBlock) && raw.includes('&');
    const open = this.open;
    if (open !== null && this.fastLane && !escaped && this.continuesOutput(open, raw)) {
      this.unquotedLine();
      open.body.push({ no, text: raw });
      return;
    }
    if (open !== null && this.fastLane && this.continuesStack(open, raw)) {
      this.unquotedLine();
      this.cutBefore(open, raw);
      open.body.push({ no, text: raw });
      return;
    }
    // Escaped HTML is decoded line by line, so no line is added or lost.
    const unquoted = this.undecorate(this.quotes.strip(escaped || encoded ? decodeEntities(raw) : raw, this.prevAtWidest || this.prevLine.endsWith(' ')));
    const text = this.innerUnquoted(unquoted);
    this.lineCut = Math.max(0, line.length - text.length);
    const deco = decorationOf(text);
    if (deco !== null) {
      this.decoration(deco, text);
      this.sink.onLine(no, 'prose');
      return;
    }
    // A Jira mark stuck to a line opens it with `{` or closes it with `}`.
    const inline = text.includes('<') || text.includes('```') || text.charCodeAt(0) === 123 || text.charCodeAt(text.length - 1) === 125 ? stripInlineTag(text) : null;
    if (inline === null) this.take(no, text);
    else if (inline.tag === 'open') {
      this.decoration('open', text);
      // `<pre>&gt; ::cpuinfo -v`: the tag made the rest escaped HTML; `<pre># > ::cpuinfo`: the rest
      // may start a run of prefixed lines.
      this.take(no, this.undecorate(this.inHtmlBlock && !escaped && inline.text.includes('&') ? decodeEntities(inline.text) : inline.text));
    } else {
      this.take(no, inline.text);
      this.decoration('close', text);
    }
  }

  private measure(width: number): void {
    this.prevAtWidth = this.width === this.widest && this.inputWidth() > 0;
    this.prevAtWidest = this.width === this.widest && this.widest >= MIN_WRAP_WIDTH;
    this.width = width;
    if (width < this.widest) return;
    if (width > this.widest) {
      this.widest = width;
      this.atWidest = 0;
    }
    this.atWidest++;
  }

  /**
   * Whether `line` is the rest of the output line before it, which a wrap cut: at the width, or at
   * a space before it where `line`'s first word did not fit. Words a wrap moved down (`no    no
   * t-0 ... sched` of a `::cpuinfo` row) read like a sentence, but they are the row's.
   */
  private restOfCutLine(open: OpenSection, line: string): boolean {
    const prev = open.body[open.body.length - 1]?.text;
    if (prev === undefined || this.blanks.length > 0 || this.widest < MIN_WRAP_WIDTH) return false;
    return this.prevAtWidth || (prev.endsWith(' ') && wordDidNotFit(prev, line.trimStart(), this.widest));
  }

  /**
   * The rest of a panic's line a wrap cut: a kernel log line's (log-line.ts) or a console line's
   * (console-wrap.ts), in a panic pasted with no command. One that reads as a sentence may be a
   * person's: the console rejoin tells which once the section's and the input's widths are known.
   */
  private restOfPanicLine(text: string): boolean {
    const open = this.open;
    if (open === null || open.kind !== 'panic' || open.command !== null || this.blanks.length > 0) return false;
    const body = withoutIndent(open, text);
    return restOfLogLine(open.body, body) || restOfConsoleLine(open.body, body);
  }

  /**
   * Whether `text` starts with the word a wrap at a space moved off the line pushed before it
   * (which ends with that space): one space and the word would not have fit at the widest line so
   * far, or the word would not have fit where it stood, after the column padding the line keeps.
   * (restOfCutLine asks the same of a section's last body line.)
   */
  private wordMovedDown(text: string): boolean {
    const prev = this.prevLine;
    if (!prev.endsWith(' ') || this.widest < MIN_WRAP_WIDTH) return false;
    const space = text.indexOf(' ');
    return wordDidNotFit(prev, text, this.widest) || prev.length + (space < 0 ? text.length : space) > this.widest;
  }

  /** RawSection.inputWidth, from the lines so far. */
  private inputWidth(): number {
    return this.atWidest >= 2 && this.widest >= MIN_WRAP_WIDTH ? this.widest : 0;
  }

  /**
   * Whether the line being taken (`text`, its prefixes off) ends where a fixed-width wrap (a
   * terminal's copy, `fold`) would have cut it: as wide as the widest line so far, a width
   * another line reached before it, and not at a space (a cut there is a wrap at a space's).
   */
  private atWidth(text: string): boolean {
    return this.width === this.widest && this.inputWidth() > 0 && text.length > 0 && !text.endsWith(' ');
  }

  /**
   * A block of pasted text opens or closes. Its end ends the output in it; its start ends the
   * output before it, unless that is a prompt with no output yet (Jira puts `{noformat}` between
   * the command and its output).
   */
  private decoration(d: Decoration, line: string): void {
    const opening = d === 'open' || (d === 'toggle' && !this.inBlock);
    this.inBlock = opening;
    this.inHtmlBlock = opening && line.trimStart().startsWith('<');
    const open = this.open;
    if (opening && open !== null && open.command !== null && open.body.length === 0 && open.warnings.length === 0) return;
    this.close();
  }

  /** A line with its quoting, prefixes and markup removed. */
  private take(no: number, line: string): void {
    const note = splitAnnotation(line);
    if (note !== null) this.sink.onAnnotation?.(no, note.note);
    const after = note === null ? line : note.text;
    // A mark before a line of output, in the spaces mdb indents it with: only inside output, as a
    // person's `* item` or `-> step` is prose.
    const mark = this.open !== null ? splitLeadingMark(after) : null;
    if (mark !== null) this.sink.onAnnotation?.(no, mark.note);
    const text = mark === null ? after : mark.text;
    const open = this.open;
    const wrapped = open?.wrappedPrompt;
    if (open !== null && wrapped !== undefined) {
      open.wrappedPrompt = undefined;
      const atPipe = endsWithPipe(wrapped.text);
      const rest = atPipe
        ? text.trimStart().startsWith('::')
        : wrapped.fixed === true
          ? isFixedCommandRest(text)
          : (isCommandRest(wrapped.piece ?? wrapped.text, text) || isNextStage(wrapped.piece ?? wrapped.text, text)) &&
            (wrapped.trimmed !== true || wordDidNotFit(wrapped.text, text, this.widest));
      const joint = wrapped.fixed === true || wrapped.text.endsWith(' ') ? '' : ' ';
      const whole = open.body.length === 0 && open.warnings.length === 0 && this.blanks.length === 0 && rest ? readPrompt(wrapped.text + joint + text) : null;
      if (whole !== null && whole.type === 'command') {
        // Cut again (at the width, or at the space it ends with): its rest may be on the next line too.
        if (wrapped.fixed === true ? this.atWidth(text) : text.endsWith(' ') && !text.endsWith('  ')) open.wrappedPrompt = { ...wrapped, text: wrapped.text + joint + text, piece: text };
        open.command = whole.command;
        open.parsedCommand = whole.parsed;
        open.kind = kindOfCommand(whole.parsed, wrapped.lastKind);
        if (open.kind !== 'unknown') this.lastKind = open.kind;
        this.sink.onLine(no, 'parsed');
        return;
      }
    }
    if (this.heredoc.isReading && this.heredocLine(no, text)) return;
    // A whole transcript joined onto this line would read as the prompt or shell line it starts with.
    const joined = !this.joinFree && mayBeJoined(text) ? joinedTranscript(text, open === null) : null;
    if (joined !== null) {
      this.close();
      this.heredoc.clear();
      this.sink.onLine(no, 'unrecognized', joined);
      return;
    }
    // The rest of a panic's line a wrap cut may look like anything, mdb's empty prompt too (`...pse,de`
    // then `>`); a prompt with a command (`[14]> $C` after kmdb's banner) is one.
    const panicRest = this.restOfPanicLine(text);
    let prompt = panicRest && text.trim() === '>' ? null : readPrompt(text);
    // A command line that ends with a pipe, or at the wrap width with nothing of the next stage but
    // its `:` or `::`, is cut (mdb refuses it): its next stage is on the next line.
    const pipeAt = prompt === null ? text.lastIndexOf('|') : -1;
    const afterPipe = pipeAt >= 0 ? text.slice(pipeAt + 1).trim() : null;
    const cutInColons = (afterPipe === ':' || afterPipe === '::') && this.atWidth(text);
    const cutAtPipe = prompt === null && (endsWithPipe(text) || cutInColons);
    if (cutAtPipe) prompt = readPrompt(text.slice(0, pipeAt).trimEnd());
    if (prompt !== null) {
      this.close();
      this.heredoc.clear();
      if (prompt.type === 'shell' && prompt.heredoc !== undefined) this.heredoc.begin(prompt.heredoc);
      if (prompt.type === 'shell' && prompt.fed !== undefined) this.heredoc.feed(prompt.fed);
      if (prompt.type === 'command' && prompt.then !== undefined) this.heredoc.feed(prompt.then);
      if (prompt.type === 'command') {
        const lastKind = this.lastKind;
        // Cut at its pipe, the command is nothing mdb would run until its next stage comes.
        const kind = cutAtPipe ? 'unknown' : kindOfCommand(prompt.parsed, this.lastKind);
        this.open = {
          command: cutAtPipe ? prompt.command + ' |' : prompt.command,
          parsedCommand: cutAtPipe ? null : prompt.parsed,
          prompt: prompt.style,
          kind,
          startLine: no,
          body: [],
          warnings: [],
          part: 0,
          widthBefore: 0,
          last: true,
          indent: leadingSpaces(text),
          cut: this.lineCut + leadingSpaces(text),
          ...((cutAtPipe && !cutInColons) || (text.endsWith(' ') && !text.endsWith('  '))
            ? { wrappedPrompt: { text, lastKind } }
            : cutInColons || this.atWidth(text)
              ? { wrappedPrompt: { text, lastKind, fixed: true } }
              : text.length >= MIN_WRAP_WIDTH && !text.endsWith(' ')
                ? { wrappedPrompt: { text, lastKind, trimmed: true } }
                : {}),
        };
        // A bare address repeats the last command that printed something we read, not an assignment.
        if (kind !== 'unknown') this.lastKind = kind;
      }
      this.sink.onLine(no, 'parsed');
      return;
    }
    const banner = this.bannerRest;
    this.bannerRest = null;
    if (
      isBanner(text) ||
      (banner !== null && banner.kind === 'modules' && continuesModuleList(text)) ||
      (banner !== null && banner.kind === 'stopped' && isStopLocation(text))
    ) {
      const t = text.trim();
      if (open !== null && isPagerPrompt(t)) this.pagerAt = no;
      // `$d`'s line is a command's whole output: what came before it has ended.
      if (isRadixLine(t)) this.close();
      if (opensModuleList(t) || (banner?.kind === 'modules' && !t.endsWith(']') && banner.left > 1)) {
        this.bannerRest = { kind: 'modules', left: banner?.kind === 'modules' ? banner.left - 1 : MAX_BANNER_LINES };
      } else if (isStoppedBanner(t)) this.bannerRest = { kind: 'stopped', left: 1 };
      this.flushBlanksAsProse();
      this.sink.onLine(no, 'parsed');
      return;
    }
    if (open !== null) {
      if (isBlank(text)) {
        // Its tabs are spaces already (undecorate): only the section's indentation comes off.
        this.blanks.push({ no, text: text.slice(Math.min(open.indent, text.length)) });
        return;
      }
      const body = withoutIndent(open, text);
      if ((body.startsWith('mdb: ') || body.startsWith('kmdb: ')) && !READS_WARNINGS.has(open.kind)) {
        this.takeBlanks(open);
        open.warnings.push({ no, text: body });
        return;
      }
      if (open.kind === 'panic' && open.command === null) {
        // The log around a panic forwarded through syslog (a daemon's line, another facility's) is not its output.
        if (isOtherLogLine(body)) {
          this.close();
          this.prose(no, body);
          return;
        }
        // The rest of one of its lines a wrap cut, whatever it looks like: read-section.ts joins it back.
        if (panicRest) {
          this.cutBefore(open, body);
          open.body.push({ no, text: body });
          if (this.passedThrough) (open.rests ??= []).push(no);
          return;
        }
      }
      // A thread header a wrap cut: its rest (`ffffff0007e01c40: ffffff0007e01b60`) reads as `/X` output, but is the header's.
      if (open.kind === 'findstack' && this.blanks.length === 0 && isCutThreadHeader(open.body[open.body.length - 1]?.text)) {
        open.body.push({ no, text: body });
        return;
      }
      // Headers printed with %?s (`            ADDR ...`, `::panicinfo`'s `%16s` labels) start output however far they are indented.
      // Output pasted with no command ends at a column header, however far it is indented: its kind
      // was a guess from its first lines (a cut `-v` fragment reads as `/X` rows), and no output
      // holds another's column header.
      const started = leadingSpaces(body) <= 1 || isIndentedStart(body) ? outputStartKind(body) : open.command === null ? columnHeaderKind(body) : null;
      // A ::status panic message that mdb wrapped onto the lines after `panic message:` (a BAD TRAP
      // line reads as the start of console panic output, its rest as prose).
      if (open.kind === 'status' && this.blanks.length === 0 && (started === null || started === 'panic') && continuesPanicMessage(open.body, body)) {
        open.body.push({ no, text: body });
        return;
      }
      if (started !== null && open.kind === 'unknown' && open.command !== null && open.body.length === 0) {
        // A command we have no mapping for whose output has a shape we know (an alias, a macro).
        open.kind = started;
      } else if (
        started !== null &&
        ((started !== open.kind && !continuesAtColumn0(open, started)) || (started === 'format' && this.heredoc.startsFormat(body)))
      ) {
        this.close();
        this.start(no, body, started);
        return;
      }
      // A `{` line a person quoted from C started what looked like `::print` output: it was code.
      if (open.command === null && open.kind === 'print' && isCodeLine(body)) {
        this.dropCode(open);
        this.sink.onLine(no, 'prose');
        return;
      }
      // Console panic lines read like sentences (`Bad kernel fault at addr=0x0`) but are output.
      // A table a command printed after a blank line (::kmastat's vmem table) is words in columns.
      const prose =
        (open.command === null || this.blanks.length > 0) &&
        !this.restOfCutLine(open, body) &&
        looksLikeProse(body) &&
        !(open.kind === 'panic' && (isConsolePanicLine(body) || isKernelLogLine(body) || looksLikeRegisterRow(body))) &&
        !(open.kind === 'print' && isOffsetMemberLine(body)) &&
        !(open.command !== null && isColumnRow(body));
      if (prose) {
        this.close();
        this.prose(no, body);
        return;
      }
      this.takeBlanks(open);
      this.cutBefore(open, body);
      open.body.push({ no, text: body });
      if (this.passedThrough) (open.rests ??= []).push(no);
      return;
    }
    if (isBlank(text)) {
      this.sink.onLine(no, 'prose');
      return;
    }
    const started = outputStartKind(text) ?? (looksLikeStrayOutput(text) ? 'unknown' : null);
    if (started !== null) this.start(no, text, started);
    else this.prose(no, text);
  }

  /** A person's line; or a transcript a page's `<br>` or a JSON string's `\n` joined onto one, which is said instead. */
  private prose(no: number, text: string): void {
    this.heredoc.clear();
    const joined = this.joinFree ? null : joinedTranscript(text);
    if (joined === null) this.sink.onLine(no, 'prose');
    else this.sink.onLine(no, 'unrecognized', joined);
  }

  finish(): void {
    this.close();
    this.releaseHeld();
  }

  /**
   * Hands a section on, after any held before it; a short one waits while no width shows (held).
   * `cut`: OpenSection.cut, taken off the width so that it is the width of the section's lines.
   */
  private emit(section: RawSection, cut: number): void {
    if (this.inputWidth() === 0 && this.widest >= MIN_WRAP_WIDTH && WAITS_FOR_WIDTH.has(section.kind) && this.heldLines + section.body.length <= MAX_HELD_LINES) {
      this.held.push({ section, cut });
      this.heldLines += section.body.length;
      return;
    }
    this.releaseHeld();
    this.sink.onSection({ ...section, inputWidth: this.widthOfLines(cut) });
  }

  private releaseHeld(): void {
    for (const { section, cut } of this.held) this.sink.onSection({ ...section, inputWidth: this.widthOfLines(cut) });
    this.held = [];
    this.heldLines = 0;
  }

  /** The wrap width (inputWidth) as a section's lines have it, `cut` characters shorter; 0 when none shows. */
  private widthOfLines(cut: number): number {
    const width = this.inputWidth();
    return width === 0 ? 0 : Math.max(0, width - cut);
  }

  /**
   * The line that makes up most of a large section: output indented by two spaces and starting
   * with a hex digit (a frame), under a typed command, with no blank line pending and no prefix
   * being stripped. Every check in push would let it through to the body unchanged: no prompt
   * (a shell prompt needs `mdb` in the line), no banner, not blank, not a warning, too indented to
   * start other output, and never prose under a typed command with no blank before it.
   */
  private continuesOutput(open: OpenSection, raw: string): boolean {
    return (
      open.command !== null &&
      open.indent === 0 &&
      this.blanks.length === 0 &&
      this.prefixes.length === 0 &&
      !this.quotes.quoting &&
      raw.charCodeAt(0) === 32 &&
      raw.charCodeAt(1) === 32 &&
      isHexCode(raw.charCodeAt(2)) &&
      // A frame ends with its argument list. A line that does not may close the block it is in
      // (`...thread_start+8()</pre>`, `...()````) or carry a writer's note (`...()  <-- here`),
      // which take() sees to.
      raw.charCodeAt(raw.length - 1) === 41 &&
      !raw.includes('mdb')
    );
  }

  /**
   * The other two lines of every thread in a `::walk thread | ::findstack` section, its
   * `stack pointer for thread` header and its `[ sp pc() ]` saved PC, under the conditions of
   * continuesOutput and with nothing take() would act on: no writer's note, no markup (`<`, `&`,
   * a backtick), no `mdb` (a shell line), nothing a joined transcript needs, no prompt wrapped or
   * here-document or banner pending. take() would find no prompt, banner, prefix or decoration in
   * such a line (none starts with `stack pointer`; of those that start with `[`, a kmdb prompt has
   * a digit after it, and a bracketed time stamp ends at a `]` with no `(` before it, where a
   * saved PC's only `]` ends the line after its `()`), and its output kind is this section's (a
   * header) or none (a saved PC), so it goes on the body as it is.
   */
  private continuesStack(open: OpenSection, raw: string): boolean {
    if (open.kind !== 'findstack' || open.command === null || open.indent !== 0 || open.wrappedPrompt !== undefined) return false;
    if (this.blanks.length > 0 || this.prefixes.length > 0 || this.quotes.quoting || this.heredoc.isReading || this.bannerRest !== null) return false;
    const header = raw.startsWith('stack pointer for thread ');
    if (!header && !(raw.startsWith('[ ') && raw.endsWith('() ]') && raw.indexOf(']') === raw.length - 1)) return false;
    return (
      (this.joinFree || !mayBeJoined(raw)) &&
      !raw.includes('mdb') &&
      !raw.includes('<') &&
      !raw.includes('&') &&
      !raw.includes('`') &&
      // A Jira mark stuck to the end (`...: fffffe007ac808e0{noformat}`): take() strips it.
      raw.charCodeAt(raw.length - 1) !== 125 &&
      !raw.includes('\t') &&
      (header || !raw.includes(' = ')) &&
      splitAnnotation(raw) === null
    );
  }

  /**
   * What the quote strippers do with a line that has no quote mark, for a line the fast lanes take:
   * a prompt just before it (`> ::findstack -v`) no longer counts as the last line read.
   */
  private unquotedLine(): void {
    this.quotes.reset();
    this.innerQuotes.reset();
  }

  /** Before a line that starts a new block of a long section, the lines so far are handed on as a part. */
  private cutBefore(open: OpenSection, line: string): void {
    if (open.body.length >= this.partLines && CUT_BEFORE[open.kind]?.(line) === true && !mayBeContinued(open.body)) this.handOnPart(open);
  }

  /**
   * A mailed session pasted under a prefix (`cat -n`, `| `) or indented as a code block: its quote
   * marks stand after the prefix or the indent, where the first stripper, which looks at most
   * MAX_LEAD spaces in, does not see them. A second one reads every line of such a run.
   */
  private innerUnquoted(line: string): string {
    const lead = this.prefixes.length > 0 ? 0 : leadingSpaces(line);
    if (this.quotes.quoting || (this.prefixes.length === 0 && lead <= MAX_LEAD)) {
      this.innerQuotes.reset();
      return line;
    }
    return line.slice(0, lead) + this.innerQuotes.strip(line.slice(lead));
  }

  private start(no: number, text: string, kind: SectionKind): void {
    const q = this.heredoc.take(kind, text);
    this.open = {
      command: q?.command ?? null,
      parsedCommand: q?.parsed ?? null,
      ...(q === null ? {} : { prompt: 'shell' as const }),
      kind,
      startLine: no,
      body: [{ no, text }],
      warnings: [],
      part: 0,
      last: true,
      widthBefore: 0,
      indent: 0,
      cut: this.lineCut,
    };
  }

  /** A line of a here-document, classed; false when it is not one (see HeredocQueue.line). */
  private heredocLine(no: number, text: string): boolean {
    const what = this.heredoc.line(text);
    if (what === null) return false;
    this.sink.onLine(no, what === 'blank' ? 'prose' : 'parsed');
    return true;
  }

  /** Hands on what an open section has read so far as one part; the section stays open for the rest. */
  private handOnPart(open: OpenSection): void {
    const { indent: _indent, wrappedPrompt: _wrapped, cut, ...part } = open;
    this.emit({ ...part, last: false }, cut);
    open.widthBefore = Math.max(open.widthBefore, widest(open.body, open.rests));
    open.part++;
    open.body = [];
    // Not `delete`: that would leave the section object, read on every line, in V8's slow mode.
    if (open.rests !== undefined) open.rests = [];
    open.warnings = [];
  }

  private takeBlanks(open: RawSection): void {
    for (const b of this.blanks) open.body.push(b);
    this.blanks = [];
  }

  private flushBlanksAsProse(): void {
    for (const b of this.blanks) this.sink.onLine(b.no, 'prose');
    this.blanks = [];
  }

  /**
   * Whether four spaces may be learnt as a Markdown code block's indent here: outside output, or
   * in output no grammar reads that came with no command (an excerpt that starts mid-output, all
   * of it indented). Elsewhere an indented line is the output's own (members, queue rows, frames).
   */
  private mayLearnCodeBlock(): boolean {
    const open = this.open;
    return open === null || (open.kind === 'unknown' && open.command === null);
  }

  /** Ends a `::print` section that turned out to be C code: what it read so far is prose. */
  private dropCode(open: OpenSection): void {
    this.open = null;
    for (const l of open.body) this.sink.onLine(l.no, 'prose');
    for (const w of open.warnings) this.sink.onLine(w.no, 'prose');
    this.flushBlanksAsProse();
  }

  private close(): void {
    const open = this.open;
    const pagerAt = this.pagerAt;
    this.pagerAt = null;
    if (open === null) {
      this.flushBlanksAsProse();
      return;
    }
    this.open = null;
    // A pager prompt with no output after it: the output stops there (one output goes on under).
    const lastOutput = Math.max(open.body[open.body.length - 1]?.no ?? 0, open.warnings[open.warnings.length - 1]?.no ?? 0);
    if (pagerAt !== null && pagerAt > lastOutput) open.pagerCut = pagerAt;
    if (ENDS_WITH_BLANK.has(open.kind) && this.blanks.length > 0) open.body.push(this.blanks.shift()!);
    this.flushBlanksAsProse();
    const { indent: _indent, wrappedPrompt: _wrapped, cut, ...section } = open;
    this.emit(section, cut);
  }

  /**
   * Strips the prefixes every line of a pasted session carries (ingest/prefix.ts), each once it is
   * seen to carry mdb text. A line without one ends its run and the runs inside it, unless it is
   * the rest of a line a wrap cut. Tabs left in the line are expanded to their tab stops.
   */
  private undecorate(raw: string): string {
    let text = raw;
    let depth = 0;
    for (; depth < this.prefixes.length; depth++) {
      const t = this.prefixes[depth]!.strip(text);
      if (t === null) break;
      text = t;
    }
    // The rest of a line a wrap cut comes without the prefix the tool put before each line (the
    // wrap was made after it): the run goes on past it. A line that really ended the run ends it
    // at the next line.
    if (depth < this.prefixes.length && (this.prevAtWidest || this.wordMovedDown(text) || this.restOfPanicLine(text))) {
      this.passedThrough = true;
      return text;
    }
    this.prefixes.length = depth;
    const learnt = learnPrefixes(text, isCommandLine, startsOutput, MAX_PREFIXES - depth, depth === 0 && this.mayLearnCodeBlock());
    if (learnt !== null) this.prefixes.push(...learnt.prefixes);
    const inner = learnt === null ? text : learnt.text;
    // After the prefixes: a tab that indents every line is one (`\t`, `cat -n`), not columns.
    return inner.includes('\t') ? expandTabs(inner) : inner;
  }
}

