// Reading one section with its grammar, and deciding the final class of each of its lines.
import type { Diagnostic, GrammarResult, SectionParser, SourceLine } from '../../grammar/common/source.ts';
import type { MdbRecord } from '../../grammar/records.ts';
import type { LineClass, Section } from '../ingest/types.ts';
import type { RawSection } from '../ingest/split.ts';
import { unwrapParens } from '../ingest/unwrap.ts';
import { looksLikeText } from '../ingest/shapes.ts';

export interface ReadSection {
  section: Section;
  records: MdbRecord[];
  diagnostics: Diagnostic[];
  /** Final class of every line the section covered (prompt, body, warnings). */
  classes: Map<number, LineClass>;
}

function runGrammar(parser: SectionParser | undefined, raw: RawSection, body: SourceLine[]): GrammarResult {
  const empty: GrammarResult = { records: [], unrecognized: [], lexErrors: [], parseErrors: [] };
  if (parser === undefined) {
    const what = raw.command === null ? 'output of this shape' : `output of "${raw.command}"`;
    empty.unrecognized = body
      .filter((l) => l.text.trim() !== '')
      .map((l) => ({ line: l.no, col: 1, message: `no grammar reads ${what}` }));
    return empty;
  }
  try {
    return parser(body, { command: raw.parsedCommand });
  } catch (e) {
    // A grammar bug must not take the whole analysis down: report the section as unread.
    const why = e instanceof Error ? e.message : String(e);
    empty.unrecognized = body
      .filter((l) => l.text.trim() !== '')
      .map((l) => ({ line: l.no, col: 1, message: `internal error in the ${raw.kind} grammar: ${why}` }));
    return empty;
  }
}

export function readSection(raw: RawSection, parser: SectionParser | undefined): ReadSection {
  const { lines: body, joined } = unwrapParens(raw.body);
  const result = runGrammar(parser, raw, body);
  const classes = new Map<number, LineClass>();
  if (raw.command !== null) classes.set(raw.startLine, 'parsed');
  for (const w of raw.warnings) classes.set(w.no, 'parsed');
  const bad = new Map<number, Diagnostic>();
  for (const d of result.unrecognized) if (!bad.has(d.line)) bad.set(d.line, d);
  for (const l of body) {
    const head = bad.get(l.no);
    const cls: LineClass = head !== undefined ? 'unrecognized' : 'parsed';
    classes.set(l.no, cls);
    for (const c of joined.get(l.no) ?? []) {
      classes.set(c, cls);
      // Every unrecognized line has its own diagnostic, continuation lines of a joined one too.
      if (head !== undefined) bad.set(c, { line: c, col: 1, message: `continues line ${l.no}, which could not be read: ${head.message}` });
    }
  }
  // Writing that followed the output with no blank line between is prose, not a parse failure.
  for (let i = body.length - 1; i >= 0; i--) {
    const l = body[i]!;
    const blank = l.text.trim() === '';
    if (!blank && (!bad.has(l.no) || !looksLikeText(l.text))) break;
    if (blank && !bad.has(l.no) && i === body.length - 1) continue;
    classes.set(l.no, 'prose');
    bad.delete(l.no);
    for (const c of joined.get(l.no) ?? []) {
      classes.set(c, 'prose');
      bad.delete(c);
    }
  }
  let endLine = raw.startLine;
  for (const [no, cls] of classes) if (cls !== 'prose' && no > endLine) endLine = no;
  const diagnostics = [...bad.values()].sort((a, b) => a.line - b.line);
  const status: Section['status'] = parser === undefined ? 'unknown' : diagnostics.length > 0 ? 'partial' : 'ok';
  const section: Section = {
    command: raw.command,
    parsedCommand: raw.parsedCommand,
    kind: raw.kind,
    startLine: raw.startLine,
    endLine,
    status,
  };
  return { section, records: result.records, diagnostics, classes };
}
