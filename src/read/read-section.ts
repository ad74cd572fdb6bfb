// Reading one section with its grammar, and deciding the final class of each of its lines.
import { internalDiagnostic, internalError, type Diagnostic, type GrammarResult, type SectionContext, type SectionParser, type SourceLine } from '../../grammar/common/source.ts';
import type { MdbRecord } from '../../grammar/records.ts';
import type { LineClass, Section, SectionKind } from '../ingest/types.ts';
import type { RawSection } from '../ingest/split.ts';
import { unwrapParens, type Unwrapped } from '../ingest/unwrap.ts';
import { rebuildCpuinfoColumns, rejoinCutRows } from '../ingest/cpuinfo-columns.ts';
import { rejoinCutHeaders } from '../ingest/stack-headers.ts';
import { mergeJoined, widthsSoFar, WIDTH_FROM_INPUT, type Rejoined, type WidthSoFar } from '../ingest/width-wrap.ts';
import { rejoinCutFrames } from '../ingest/stacks-frames.ts';
import { rejoinCutWarnings } from '../ingest/warning-wrap.ts';
import { rejoinCutThreadRows } from '../ingest/threadlist-rows.ts';
import { rejoinCutThreadSummaryRows } from '../ingest/thread-summary-rows.ts';
import { rejoinCutFrameLines } from '../ingest/frame-lines.ts';
import { rejoinCutPanicinfoLines, rejoinCutPrintLines, rejoinCutStatusLines } from '../ingest/value-wrap.ts';
import { rejoinCutTableRows } from '../ingest/table-rows.ts';
import { rejoinCutLogLines } from '../ingest/log-line.ts';
import { rejoinCutConsoleLines } from '../ingest/console-wrap.ts';
import { MUTEX_COLUMNS } from '../../grammar/mutex/index.ts';
import { TURNSTILE_COLUMNS } from '../../grammar/turnstile/index.ts';
import { looksLikeText } from '../ingest/shapes.ts';
import { isLinuxKernelLine, LINUX_KERNEL_TEXT } from '../ingest/linux.ts';
import { isElisionMark } from '../ingest/elision.ts';

export interface ReadSection {
  section: Section;
  records: MdbRecord[];
  diagnostics: Diagnostic[];
  /**
   * The lines of the section that are not parsed: unrecognized ones, and prose that trailed the
   * output. Every other line it covers (prompt, warnings, body) is parsed; keeping only the
   * exceptions keeps a section of a million frame lines from costing a million map entries.
   */
  notParsed: Map<number, LineClass>;
}

function runGrammar(parser: SectionParser | undefined, raw: RawSection, body: readonly SourceLine[], frameDetail: SectionContext['frameDetail']): GrammarResult {
  const empty: GrammarResult = { records: [], unrecognized: [] };
  if (parser === undefined) {
    const lines = body.filter((l) => l.text.trim() !== '');
    // Output that came with no command and holds a Linux kernel stack is that stack's dump.
    const linux = raw.command === null && lines.some((l) => isLinuxKernelLine(l.text));
    const what = raw.command === null ? 'output of this shape' : `output of "${raw.command}"`;
    const message = linux ? LINUX_KERNEL_TEXT : `no grammar reads ${what}`;
    empty.unrecognized = lines.map((l) => ({ line: l.no, col: 1, message }));
    return empty;
  }
  try {
    return parser(body, { command: raw.parsedCommand, frameDetail });
  } catch (e) {
    // A grammar bug must not take the whole analysis down, nor hide: every line it left unread
    // gets an internal diagnostic with the stack, which fails the tests and the fuzzer and earns
    // `analyze` its own exit code.
    const err = internalError(e);
    const what = `in the ${raw.kind} grammar`;
    const unread = body.filter((l) => l.text.trim() !== '').map((l) => l.no);
    // A section of blank lines (or none) still owns up to the failure, on its first line.
    const where = unread.length > 0 ? unread : [body[0]?.no ?? raw.startLine];
    empty.unrecognized = where.map((no) => internalDiagnostic(no, 1, what, err));
    return empty;
  }
}

/** `inputWidth`: RawSection.inputWidth, the wrap width the whole input shows (0: none). */
type Rejoin = (lines: readonly SourceLine[], widthAt: WidthSoFar, inputWidth: number) => Rejoined;

/** Lines a wrap cut in two that a dcmd's output proves were one (see each module), in order. */
const REJOIN: Partial<Record<SectionKind, readonly Rejoin[]>> = {
  cpuinfo: [rejoinCutRows],
  findstack: [rejoinCutWarnings, rejoinCutHeaders],
  stacks: [rejoinCutWarnings, rejoinCutFrames],
  threadlist: [rejoinCutWarnings, rejoinCutThreadRows],
  thread: [rejoinCutWarnings, rejoinCutThreadSummaryRows],
  status: [rejoinCutStatusLines],
  panicinfo: [rejoinCutPanicinfoLines],
  print: [rejoinCutPrintLines],
  mutex: [rejoinCutTableRows(MUTEX_COLUMNS)],
  turnstile: [rejoinCutTableRows(TURNSTILE_COLUMNS)],
  panic: [rejoinCutLogLines, rejoinCutConsoleLines],
};

/**
 * The section's lines as its grammar reads them: wrapped lines joined again (their continuation
 * lines listed in `joined`), and for `::cpuinfo` the columns a web copy squeezed rebuilt. The
 * section's own lines stay as they came: they are what the classes and evidence refer to. Each
 * join takes the wrap width from the lines as they came, and from the section's earlier parts.
 */
/**
 * Joins made once frames cut inside their parentheses are whole again (unwrapParens): a frame cut
 * before its `(` and again inside (`  fp` + `func+off(a, ` + `b)`) joins its first piece last.
 */
const AFTER_PARENS: Partial<Record<SectionKind, readonly Rejoin[]>> = {
  findstack: [rejoinCutFrameLines],
  frames: [rejoinCutFrameLines],
};

function linesToRead(raw: RawSection): Unwrapped & { prose: readonly number[] } {
  const inputWidth = raw.inputWidth ?? 0;
  const widthAt: WidthSoFar = WIDTH_FROM_INPUT.has(raw.kind) ? () => inputWidth : widthsSoFar(raw.body, raw.widthBefore, raw.rests);
  const cut = applyRejoins({ lines: raw.body, joined: new Map() }, REJOIN[raw.kind], widthAt, inputWidth);
  const parens = unwrapParens(cut.lines, widthAt);
  const { lines, joined } = applyRejoins({ lines: parens.lines, joined: mergeJoined(cut.joined, parens.joined) }, AFTER_PARENS[raw.kind], widthAt, inputWidth);
  return { lines: raw.kind === 'cpuinfo' ? rebuildCpuinfoColumns(lines) : lines, joined, prose: cut.prose ?? [] };
}

/** Each rejoin in turn on the lines the one before left, its joins merged into theirs. */
function applyRejoins(cut: Rejoined, rejoins: readonly Rejoin[] | undefined, widthAt: WidthSoFar, inputWidth: number): Rejoined {
  for (const rejoin of rejoins ?? []) {
    const next = rejoin(cut.lines, widthAt, inputWidth);
    const prose = [...(cut.prose ?? []), ...(next.prose ?? [])];
    cut = { lines: next.lines, joined: mergeJoined(cut.joined, next.joined), ...(prose.length > 0 ? { prose } : {}) };
  }
  return cut;
}


export function readSection(raw: RawSection, parser: SectionParser | undefined, frameDetail: SectionContext['frameDetail'] = 'full'): ReadSection {
  const { lines: body, joined, prose } = linesToRead(raw);
  const result = runGrammar(parser, raw, body, frameDetail);
  const notParsed = new Map<number, LineClass>();
  // A person's lines a rejoin took out (console-wrap.ts): never the grammar's to read.
  for (const no of prose) notParsed.set(no, 'prose');
  const bad = new Map<number, Diagnostic>();
  for (const d of result.unrecognized) if (!bad.has(d.line)) bad.set(d.line, d);
  for (const d of [...bad.values()]) {
    notParsed.set(d.line, 'unrecognized');
    // Every unrecognized line has its own diagnostic, continuation lines of a joined one too.
    for (const c of joined.get(d.line) ?? []) {
      notParsed.set(c, 'unrecognized');
      const message = `continues line ${d.line}, which could not be read: ${d.message}`;
      bad.set(c, d.kind === 'internal' ? { line: c, col: 1, message, kind: 'internal', ...(d.stack !== undefined ? { stack: d.stack } : {}) } : { line: c, col: 1, message });
    }
  }
  // Writing that followed the output with no blank line between is prose, not a parse failure.
  // Only the last part of a section split into parts has a tail. Output of a typed dcmd with no
  // grammar (`::help`, `$G`) has no tail to trim: the splitter already ended it where mdb's did.
  const tail = raw.last && !(parser === undefined && raw.command !== null);
  for (let i = tail ? body.length - 1 : -1; i >= 0; i--) {
    const l = body[i]!;
    const blank = l.text.trim() === '';
    const d = bad.get(l.no);
    // A line a grammar crash left unread is never excused as prose: the crash must stay visible.
    if (d?.kind === 'internal') break;
    if (!blank && (d === undefined || !looksLikeText(l.text))) break;
    if (blank && !bad.has(l.no) && i === body.length - 1) continue;
    notParsed.set(l.no, 'prose');
    bad.delete(l.no);
    for (const c of joined.get(l.no) ?? []) {
      notParsed.set(c, 'prose');
      bad.delete(c);
    }
  }
  // A writer's cut mark the grammar refused: said for what it is, and the section knows it has a gap.
  const elided: number[] = [];
  for (const l of body) {
    const d = bad.get(l.no);
    if (d === undefined || d.kind === 'internal' || !isElisionMark(l.text)) continue;
    elided.push(l.no);
    bad.set(l.no, { line: l.no, col: 1, message: `the writer cut output out here (${JSON.stringify(l.text.trim())}): what stood there is not in the input` });
  }
  const diagnostics = [...bad.values()].sort((a, b) => a.line - b.line);
  const status: Section['status'] = parser === undefined ? 'unknown' : diagnostics.length > 0 ? 'partial' : 'ok';
  const section: Section = {
    command: raw.command,
    parsedCommand: raw.parsedCommand,
    kind: raw.kind,
    startLine: raw.startLine,
    endLine: lastRead(raw, notParsed),
    status,
    ...(raw.pagerCut !== undefined ? { cutAt: raw.pagerCut } : {}),
    ...(elided.length > 0 ? { elided } : {}),
  };
  return { section, records: result.records, diagnostics, notParsed };
}

/** The last line of the section that is not prose: where its output ends. */
function lastRead(raw: RawSection, notParsed: ReadonlyMap<number, LineClass>): number {
  let end = raw.startLine;
  const w = raw.warnings[raw.warnings.length - 1];
  if (w !== undefined && w.no > end) end = w.no;
  for (let i = raw.body.length - 1; i >= 0; i--) {
    const no = raw.body[i]!.no;
    if (notParsed.get(no) === 'prose') continue;
    return Math.max(end, no);
  }
  return end;
}

/** Calls `fn` with the final class of every line a section covers: its prompt, warnings and body. */
export function forEachLineClass(raw: RawSection, read: ReadSection, fn: (no: number, cls: LineClass) => void): void {
  if (raw.command !== null && raw.part === 0) fn(raw.startLine, 'parsed');
  for (const w of raw.warnings) fn(w.no, 'parsed');
  if (read.notParsed.size === 0) for (const l of raw.body) fn(l.no, 'parsed');
  else for (const l of raw.body) fn(l.no, read.notParsed.get(l.no) ?? 'parsed');
}
