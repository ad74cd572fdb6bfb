// The pipeline: text -> sections -> records -> snapshot -> findings. One entry point for a
// whole text and one for a stream of lines; both feed the same Analyzer.
import { internalDiagnostic, internalError, type Diagnostic, type SectionParser } from '../grammar/common/source.ts';
import type { MdbRecord } from '../grammar/records.ts';
import type { Analysis } from './analysis.ts';
import type { Section, SectionKind } from './ingest/types.ts';
import { LineClasses, LineTexts } from './ingest/line-store.ts';
import { eachCrLine, eachLine } from './ingest/lines.ts';
import { Splitter, type RawSection } from './ingest/split.ts';
import { hasForeign } from './ingest/terminal.ts';
import { holdsNoJoins } from './ingest/joined.ts';
import { readWithoutNote } from './ingest/annotation.ts';
import { DoubleSpacing } from './ingest/double-space.ts';
import { forEachLineClass, readSection } from './read/read-section.ts';
import { GRAMMARS } from './read/registry.ts';
import { SnapshotBuilder } from './model/build.ts';
import { DEFAULT_RULE_OPTIONS, RULES, runRules } from './rules/index.ts';
import type { Rule, RuleOptions } from './rules/types.ts';

export interface AnalyzeOptions {
  source?: string;
  rules?: Partial<RuleOptions>;
  /**
   * For very large inputs: keep the text of only the lines outside bulky sections (stacks,
   * thread lists, address lists) and drop the per-section records once merged into the snapshot.
   * Evidence from dropped lines then shows no text. Default false: keep everything.
   */
  lean?: boolean;
  /**
   * For inputs too large to keep every frame: threads with identical stacks share one frame list
   * with no frame pointers, arguments or frame lines (`SharedStacks`). Default false.
   */
  sharedStacks?: boolean;
  /** Body lines after which a long section is read in parts (tests set it small). */
  partLines?: number;
  /**
   * The grammar for each section kind (default: src/read/registry.ts). Tests swap one for a
   * grammar that throws, to prove that internal errors surface; nothing else should set it.
   */
  grammars?: Partial<Record<SectionKind, SectionParser>>;
  /** The rules to run, in report order (default: all of src/rules). Tests inject failing rules. */
  ruleSet?: readonly Rule[];
}

/** Kinds whose lines are the bulk of a large dump; lean mode does not keep their text. */
const BULKY: ReadonlySet<string> = new Set(['findstack', 'stacks', 'threadlist', 'frames', 'addresses', 'unknown']);

/** Incremental analysis: push lines in order, then finish. */
export class Analyzer {
  private readonly texts: LineTexts;
  private readonly classes = new LineClasses();
  private readonly sections: Section[] = [];
  /** Per section: whether it is another dump's (model/dumps.ts), which the rules do not see. */
  private readonly otherDump: boolean[] = [];
  private readonly records: MdbRecord[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  /** Writers' notes the splitter took off the ends of lines (ingest/annotation.ts). */
  private readonly annotations: { no: number; note: string }[] = [];
  private readonly builder: SnapshotBuilder;
  private readonly splitter: Splitter;
  private spacing: DoubleSpacing<number | undefined> | null = new DoubleSpacing((line, start, added) => this.take(line, start, added));
  /** What the caller last said of the lines it pushes (assumePlain). */
  private plain = false;
  private count = 0;

  /** `source`: the whole text, when it has no CR and every line will be pushed with its offset in it. */
  constructor(
    private readonly opts: AnalyzeOptions = {},
    source?: string,
  ) {
    this.texts = new LineTexts(opts.lean === true, source);
    this.builder = new SnapshotBuilder({ sharedStacks: opts.sharedStacks === true });
    this.splitter = new Splitter({
      onSection: (raw) => this.onSection(raw),
      onLine: (no, cls, why) => {
        this.classes.set(no, cls);
        this.texts.keep(no);
        if (why !== undefined) this.diagnostics.push({ line: no, col: 1, message: why });
      },
      onAnnotation: (no, note) => this.annotations.push({ no, note }),
    }, { partLines: opts.partLines });
  }

  /** Whether the lines pushed from now on are known to hold no escape sequence or Unicode space (see ingest/terminal.ts). */
  assumePlain(plain: boolean): void {
    this.plain = plain;
    // Lines held to tell double spacing reach the splitter later, maybe in a batch that is plain: none is assumed plain then.
    this.splitter.assumePlain(plain && this.spacing === null);
  }

  /** The lines pushed from now on hold no transcript joined onto one line (ingest/joined.ts holdsNoJoins). */
  assumeNoJoins(): void {
    this.splitter.assumeNoJoins();
  }

  /** The next line; `start`, its offset in the source text the Analyzer was given, if any. */
  push(line: string, start?: number): void {
    // Nearly every input is settled after its first lines: from then on a line goes straight on.
    if (this.spacing === null) return this.take(line, start, false);
    this.spacing.push(line, start);
    if (this.spacing.settled) {
      this.spacing = null;
      this.splitter.assumePlain(this.plain);
    }
  }

  /** A line in order; one a double-spaced copy added (ingest/double-space.ts) is blank prose, not the splitter's. */
  private take(line: string, start: number | undefined, added: boolean): void {
    this.count++;
    this.texts.push(line, start);
    if (!added) return this.splitter.push(this.count, line);
    this.classes.set(this.count, 'prose');
    this.texts.keep(this.count);
  }

  finish(): Analysis {
    this.spacing?.finish();
    this.splitter.finish();
    const snapshot = this.builder.finish();
    this.takeModelDiagnostics();
    const lines = this.texts.finish();
    const ruleOptions = { ...DEFAULT_RULE_OPTIONS, ...this.opts.rules };
    const sectionsSeen = new Map<string, number>();
    for (const [i, s] of this.sections.entries()) if (!this.otherDump[i]) sectionsSeen.set(s.kind, (sectionsSeen.get(s.kind) ?? 0) + 1);
    const cpusIncomplete = cpuinfoGaps(this.sections.filter((_, i) => !this.otherDump[i]));
    const { findings, notes } = runRules({ snapshot, lines, options: ruleOptions, sectionsSeen, ...(cpusIncomplete !== null ? { cpusIncomplete } : {}) }, this.opts.ruleSet ?? RULES);
    // What the model left out of the snapshot, and why, reads as a note beside the rules' own.
    for (const n of this.builder.takeNotes()) notes.push({ rule: 'model', message: `line ${n.line}: ${n.message}` });
    for (const s of this.sections) if (s.cutAt !== undefined) notes.push({ rule: 'model', message: pagerCutNote(s, s.cutAt) });
    // A note a writer put after a line that was then read: said, since the line was read without it.
    for (const a of this.annotations) if (this.classes.get(a.no) === 'parsed') notes.push({ rule: 'model', message: `line ${a.no}: ${readWithoutNote(a.note)}` });
    this.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);

    return {
      source: this.opts.source ?? '-',
      lines,
      accounting: this.classes.count(this.count),
      sections: this.sections,
      records: this.records,
      snapshot,
      findings,
      notes,
      diagnostics: this.diagnostics,
    };
  }

  private onSection(raw: RawSection): void {
    const read = readSection(raw, (this.opts.grammars ?? GRAMMARS)[raw.kind], this.opts.sharedStacks === true ? 'shape' : 'full');
    this.addSection(raw, read.section);
    const keep = this.opts.lean !== true || !BULKY.has(raw.kind);
    // The prompt and mdb's warnings say what the section is: lean mode keeps them too.
    if (raw.command !== null && raw.part === 0) this.texts.keep(raw.startLine);
    for (const w of raw.warnings) this.texts.keep(w.no);
    forEachLineClass(raw, read, (no, cls) => {
      this.classes.set(no, cls);
      if (keep || cls !== 'parsed') this.texts.keep(no);
    });
    for (const d of read.diagnostics) this.diagnostics.push(d);
    for (const record of read.records) {
      if (this.opts.lean !== true) this.records.push(record);
      try {
        this.builder.add({ record, command: raw.parsedCommand, prompt: raw.prompt });
      } catch (e) {
        // A model bug on one record costs that record, not the analysis; and it shows.
        this.diagnostics.push(internalDiagnostic(record.line, 1, `merging a ${record.kind} record into the model`, internalError(e)));
      }
    }
    this.takeModelDiagnostics();
    if (raw.part === 0) this.otherDump[this.sections.length - 1] = this.builder.readingOtherDump();
    // What is left of the section's lines is parsed text lean mode does not keep.
    const last = raw.body[raw.body.length - 1]?.no ?? raw.startLine;
    this.texts.dropThrough(Math.max(last, raw.warnings[raw.warnings.length - 1]?.no ?? 0));
  }

  /**
   * Values the model refused (wider than their C type, implausible): each line becomes
   * unrecognized with its diagnostic, one per line (a line a grammar already refused keeps its own).
   */
  private takeModelDiagnostics(): void {
    for (const d of this.builder.takeDiagnostics()) {
      if (this.classes.get(d.line) === 'unrecognized') continue;
      this.classes.set(d.line, 'unrecognized');
      this.texts.keep(d.line);
      this.diagnostics.push(d);
    }
  }

  /** The parts of a section cut for size are one section to the reader. */
  private addSection(raw: RawSection, s: Section): void {
    const prev = this.sections[this.sections.length - 1];
    if (raw.part === 0 || prev === undefined) {
      this.sections.push(s);
      return;
    }
    prev.endLine = Math.max(prev.endLine, s.endLine);
    if (s.status === 'partial') prev.status = 'partial';
    if (s.cutAt !== undefined) prev.cutAt = s.cutAt;
    if (s.elided !== undefined) prev.elided = [...(prev.elided ?? []), ...s.elided];
  }
}

/** Why the ::cpuinfo output may not show every CPU, in words; null when nothing says so. */
function cpuinfoGaps(sections: readonly Section[]): string | null {
  const why: string[] = [];
  for (const s of sections) {
    if (s.kind !== 'cpuinfo') continue;
    const what = s.command === null ? 'the ::cpuinfo output' : `\`${s.command}\``;
    if (s.cutAt !== undefined) why.push(`mdb's pager cut ${what} at line ${s.cutAt}`);
    if (s.elided !== undefined) why.push(`the writer cut lines out of ${what} (line ${s.elided.join(', ')})`);
    if ((s.parsedCommand?.stages[0]?.addr ?? null) !== null) why.push(`${what} shows only the CPU at that address`);
  }
  return why.length > 0 ? why.join('; ') : null;
}

/** What a section cut by mdb's pager did not show. */
function pagerCutNote(s: Section, line: number): string {
  const what = s.command === null ? `the ${s.kind} output` : `\`${s.command}\``;
  return `line ${line}: mdb's pager stopped ${what} here (\`>> More\`) and the copy was made before a key was pressed: what it printed after this line (CPUs, threads, frames) is not in the input`;
}

export function analyzeText(text: string, opts: AnalyzeOptions = {}): Analysis {
  // One search of the whole text spares testing each line for what a terminal or browser added.
  const plain = !hasForeign(text);
  // What readable() takes out of a line that is not plain (a zero-width space, an escape sequence)
  // could leave a join behind, so only a plain text is known free of them.
  const joinFree = plain && holdsNoJoins(text);
  // Full detail keeps every line: with no CR a line is its offset in the text, not a copy.
  if (opts.lean !== true && text.indexOf('\r') < 0) {
    const a = new Analyzer(opts, text);
    a.assumePlain(plain);
    if (joinFree) a.assumeNoJoins();
    let start = 0;
    while (start < text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      a.push(text.slice(start, end), start);
      start = end + 1;
    }
    return a.finish();
  }
  const a = new Analyzer(opts);
  a.assumePlain(plain);
  if (joinFree) a.assumeNoJoins();
  // Line by line, without an array of every line: in lean mode most lines are then garbage as
  // soon as they are read.
  eachLine(text, (line) => a.push(line));
  return a.finish();
}

/**
 * Analyses a stream of line batches (lines without their newlines), e.g. read in chunks from a file
 * or stdin. A batch marked `plain` (src/input: every byte ASCII, no ESC) spares testing each line
 * for escape sequences and Unicode spaces.
 */
export async function analyzeStream(batches: AsyncIterable<readonly string[] & { readonly plain?: boolean }>, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const a = new Analyzer(opts);
  const push = (l: string) => a.push(l);
  // Every piece but the first follows an LF, which a CR at its start belongs to (LF CR).
  let afterLf = false;
  for await (const batch of batches) {
    a.assumePlain(batch.plain === true);
    // A piece cut at LF may hold lone CRs (old Mac line ends): cut it as splitLines does.
    for (const line of batch) {
      eachCrLine(line, push, afterLf);
      afterLf = true;
    }
  }
  return a.finish();
}
