// Reading one section with its grammar, and deciding the final class of each of its lines.
import type { Diagnostic, GrammarResult, SectionContext, SectionParser, SourceLine } from '../../grammar/common/source.ts';
import type { MdbRecord } from '../../grammar/records.ts';
import type { LineClass, Section } from '../ingest/types.ts';
import type { RawSection } from '../ingest/split.ts';
import { unwrapParens } from '../ingest/unwrap.ts';
import { looksLikeText } from '../ingest/shapes.ts';

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
    const what = raw.command === null ? 'output of this shape' : `output of "${raw.command}"`;
    empty.unrecognized = body
      .filter((l) => l.text.trim() !== '')
      .map((l) => ({ line: l.no, col: 1, message: `no grammar reads ${what}` }));
    return empty;
  }
  try {
    return parser(body, { command: raw.parsedCommand, frameDetail });
  } catch (e) {
    // A grammar bug must not take the whole analysis down: report the section as unread.
    const why = e instanceof Error ? e.message : String(e);
    empty.unrecognized = body
      .filter((l) => l.text.trim() !== '')
      .map((l) => ({ line: l.no, col: 1, message: `internal error in the ${raw.kind} grammar: ${why}` }));
    return empty;
  }
}

export function readSection(raw: RawSection, parser: SectionParser | undefined, frameDetail: SectionContext['frameDetail'] = 'full'): ReadSection {
  const { lines: body, joined } = unwrapParens(raw.body);
  const result = runGrammar(parser, raw, body, frameDetail);
  const notParsed = new Map<number, LineClass>();
  const bad = new Map<number, Diagnostic>();
  for (const d of result.unrecognized) if (!bad.has(d.line)) bad.set(d.line, d);
  for (const d of [...bad.values()]) {
    notParsed.set(d.line, 'unrecognized');
    // Every unrecognized line has its own diagnostic, continuation lines of a joined one too.
    for (const c of joined.get(d.line) ?? []) {
      notParsed.set(c, 'unrecognized');
      bad.set(c, { line: c, col: 1, message: `continues line ${d.line}, which could not be read: ${d.message}` });
    }
  }
  // Writing that followed the output with no blank line between is prose, not a parse failure.
  // Only the last part of a section split into parts has a tail.
  for (let i = raw.last ? body.length - 1 : -1; i >= 0; i--) {
    const l = body[i]!;
    const blank = l.text.trim() === '';
    if (!blank && (!bad.has(l.no) || !looksLikeText(l.text))) break;
    if (blank && !bad.has(l.no) && i === body.length - 1) continue;
    notParsed.set(l.no, 'prose');
    bad.delete(l.no);
    for (const c of joined.get(l.no) ?? []) {
      notParsed.set(c, 'prose');
      bad.delete(c);
    }
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
