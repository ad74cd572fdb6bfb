// The pipeline: text -> sections -> records -> snapshot -> findings. One entry point for a
// whole text and one for a stream of lines; both feed the same Analyzer.
import type { Diagnostic } from '../grammar/common/source.ts';
import type { MdbRecord } from '../grammar/records.ts';
import type { Analysis } from './analysis.ts';
import type { Accounting, LineClass, Section } from './ingest/types.ts';
import { splitLines } from './ingest/lines.ts';
import { Splitter, type RawSection } from './ingest/split.ts';
import { readSection } from './read/read-section.ts';
import { GRAMMARS } from './read/registry.ts';
import { SnapshotBuilder } from './model/build.ts';
import { DEFAULT_RULE_OPTIONS, runRules } from './rules/index.ts';
import type { RuleOptions } from './rules/types.ts';

export interface AnalyzeOptions {
  source?: string;
  rules?: Partial<RuleOptions>;
  /**
   * For very large inputs: keep the text of only the lines outside bulky sections (stacks,
   * thread lists, address lists) and drop the per-section records once merged into the snapshot.
   * Evidence from dropped lines then shows no text. Default false: keep everything.
   */
  lean?: boolean;
}

/** Kinds whose lines are the bulk of a large dump; lean mode does not keep their text. */
const BULKY: ReadonlySet<string> = new Set(['findstack', 'stacks', 'threadlist', 'frames', 'addresses', 'unknown']);


/** Incremental analysis: push lines in order, then finish. */
export class Analyzer {
  private readonly lines: string[] = [];
  private readonly classes: LineClass[] = [];
  private readonly sections: Section[] = [];
  private readonly records: MdbRecord[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly builder = new SnapshotBuilder();
  private readonly splitter: Splitter;
  private count = 0;

  constructor(private readonly opts: AnalyzeOptions = {}) {
    this.splitter = new Splitter({
      onSection: (raw) => this.onSection(raw),
      onLine: (no, cls) => {
        this.classes[no - 1] = cls;
      },
    });
  }

  push(line: string): void {
    this.count++;
    this.lines.push(line);
    this.splitter.push(this.count, line);
  }

  /** Lean mode: forget the text of a finished bulky section's lines (prose is dropped as it is classed). */
  private forget(from: number, to: number): void {
    for (let no = from; no <= to; no++) this.lines[no - 1] = '';
  }

  finish(): Analysis {
    this.splitter.finish();
    const snapshot = this.builder.finish();
    const ruleOptions = { ...DEFAULT_RULE_OPTIONS, ...this.opts.rules };
    const { findings, notes } = runRules({ snapshot, lines: this.lines, options: ruleOptions });
    const accounting: Accounting = { lines: this.count, parsed: 0, prose: 0, unrecognized: 0 };
    for (let i = 0; i < this.count; i++) {
      const cls = this.classes[i] ?? 'prose';
      this.classes[i] = cls;
      accounting[cls]++;
    }
    this.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
    return {
      source: this.opts.source ?? '-',
      lines: this.lines,
      accounting,
      sections: this.sections,
      records: this.records,
      snapshot,
      findings,
      notes,
      diagnostics: this.diagnostics,
    };
  }

  private onSection(raw: RawSection): void {
    const read = readSection(raw, GRAMMARS[raw.kind]);
    this.sections.push(read.section);
    for (const [no, cls] of read.classes) this.classes[no - 1] = cls;
    this.diagnostics.push(...read.diagnostics);
    for (const record of read.records) {
      if (this.opts.lean !== true) this.records.push(record);
      this.builder.add({ record, command: raw.parsedCommand });
    }
    if (this.opts.lean === true && BULKY.has(raw.kind)) {
      const last = raw.body[raw.body.length - 1]?.no ?? raw.startLine;
      this.forget(raw.startLine + (raw.command === null ? 0 : 1), last);
    }
  }
}

export function analyzeText(text: string, opts: AnalyzeOptions = {}): Analysis {
  const a = new Analyzer(opts);
  for (const line of splitLines(text)) a.push(line);
  return a.finish();
}

/** Analyses a stream of lines (without their newlines), e.g. from readline over a file or stdin. */
export async function analyzeStream(lines: AsyncIterable<string>, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const a = new Analyzer(opts);
  for await (const line of lines) a.push(line.endsWith('\r') ? line.slice(0, -1) : line);
  return a.finish();
}
