// SARIF 2.1.0: one run, the rules as reportingDescriptors, one result per finding located at its
// first evidence line in the input file (the others as relatedLocations), rule notes and
// diagnostics as tool execution notifications; internal errors as error-level notifications with
// their exception, and the invocation then not successful. Data-sized arrays are LazyArrays, so
// sarifReport() writes a run of 10^5 results without building them all.
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../analysis.ts';
import { RULES } from '../rules/index.ts';
import type { Finding, Severity } from '../rules/types.ts';
import { reportOrder } from '../rules/policy.ts';
import { mdProse } from './md-escape.ts';
import { ruleHelp } from './rule-help.ts';
import { jsonPieces, LazyArray, materialize } from './json-stream.ts';
import { MAX_DIAGNOSTICS_SHOWN, noFindingsCaveats, nothingToJudge } from './summary.ts';
import { internalErrorCount } from '../analysis.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_VERSION = '0.1.0';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads `security-severity`-like numbers; keep a plain rank as a property. */
const RANK: Record<Severity, number> = { critical: 95, high: 80, medium: 50, low: 20, info: 5 };

/** Where a relative input path is resolved from (GitHub code scanning's name for the checkout). */
export const SRCROOT = '%SRCROOT%';
/** The uriBaseId of standard input: not a file, so no file URI (SARIF 3.4.4: a relative uri needs a base id). */
export const STDIN_BASE = 'STDIN';

export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** The input as a SARIF artifactLocation: relative paths under %SRCROOT%, absolute ones as file: URIs, stdin under STDIN. */
export function artifactLocationOf(source: string): ArtifactLocation {
  if (source === '-' || source === '' || source === '<stdin>' || source === 'stdin') return { uri: 'stdin', uriBaseId: STDIN_BASE };
  if (isAbsolute(source)) return { uri: pathToFileURL(source).href };
  return { uri: source.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The URI part of artifactLocationOf. */
export function artifactUri(source: string): string {
  return artifactLocationOf(source).uri;
}

/**
 * `playfairSubject/v1`: the rule and what the finding is about (the CPU's address, or its id when
 * the address is not shown, and the threads it names, sorted), hashed. No line numbers, so the same
 * finding on a re-pasted dump with lines shifted keeps its fingerprint.
 */
export function subjectFingerprint(f: Finding, cpuAddr: string | null): string {
  const h = createHash('sha256');
  h.update(f.rule);
  h.update('\0');
  if (f.cpu !== undefined) h.update(cpuAddr ?? `cpu ${f.cpu}`);
  h.update('\0');
  const threads = f.threads === undefined ? [] : [...f.threads].sort();
  for (const t of threads) h.update(t + ',');
  return h.digest('hex').slice(0, 32);
}

function location(art: ArtifactLocation, line: number, text: string | undefined, id?: number) {
  return {
    ...(id !== undefined ? { id } : {}),
    physicalLocation: {
      artifactLocation: { ...art, index: 0 },
      region: { startLine: line, ...(text !== undefined ? { snippet: { text } } : {}) },
    },
  };
}

function result(f: Finding, uri: ArtifactLocation, ruleIndex: number, fingerprint: string) {
  const first = f.evidence[0];
  const rest = f.evidence.slice(1);
  const text = `${f.title}\n\n${f.message}\n\nFix: ${f.fix}`;
  return {
    ruleId: f.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text },
    locations: first !== undefined ? [location(uri, first.line, first.text)] : [{ physicalLocation: { artifactLocation: { ...uri, index: 0 } } }],
    ...(rest.length > 0 ? { relatedLocations: new LazyArray(rest, (e, i) => location(uri, e.line, e.text, i + 1)) } : {}),
    partialFingerprints: { 'playfairSubject/v1': fingerprint },
    properties: {
      severity: f.severity,
      rank: RANK[f.severity],
      confidence: f.confidence,
      ...(f.cpu !== undefined ? { cpu: f.cpu } : {}),
      ...(f.threads !== undefined ? { threads: f.threads } : {}),
      fix: f.fix,
      confirm: f.confirm,
      references: f.references,
    },
  };
}

function notifications(a: Analysis, uri: ArtifactLocation) {
  const ids = RULES.map((r) => r.id);
  const out: object[] = [];
  // An empty results list reads as "clean" to a SARIF viewer: say first when nothing was judged.
  const nothing = nothingToJudge(a);
  if (nothing !== null) out.push({ level: 'warning' as const, message: { text: nothing } });
  else for (const c of noFindingsCaveats(a)) out.push({ level: 'warning' as const, message: { text: c[0]!.toUpperCase() + c.slice(1) } });
  for (const n of a.notes) {
    const index = ids.indexOf(n.rule);
    out.push({
      level: n.kind === 'internal' ? ('error' as const) : ('note' as const),
      message: { text: n.message },
      ...(n.kind === 'internal' ? { exception: { kind: 'internal', message: n.message } } : {}),
      associatedRule: { id: n.rule, ...(index >= 0 ? { index } : {}) },
    });
  }
  // Every internal error is carried; other diagnostics up to the cap.
  let shown = 0;
  for (const d of a.diagnostics) {
    const internal = d.kind === 'internal';
    if (!internal && shown >= MAX_DIAGNOSTICS_SHOWN) continue;
    if (!internal) shown++;
    out.push({
      level: internal ? ('error' as const) : ('warning' as const),
      message: { text: d.message },
      ...(internal ? { exception: { kind: 'internal', message: d.message } } : {}),
      locations: [{ physicalLocation: { artifactLocation: { ...uri, index: 0 }, region: { startLine: d.line, startColumn: d.col } } }],
    });
  }
  return out;
}

/** fullDescription and help of a rule, from the one table (rule-help.ts). */
function ruleTexts(id: string) {
  const h = ruleHelp(id);
  if (h === null) return {};
  return { fullDescription: { text: h.fullDescription }, help: { text: h.help, markdown: mdProse(h.help) } };
}

/** The SARIF document, with LazyArrays where the data is large (see sarifReport). */
export function sarifDocument(a: Analysis): object {
  const uri = artifactLocationOf(a.source);
  const stdin = uri.uriBaseId === STDIN_BASE;
  const cpuAddr = new Map<number, string | null>();
  for (const c of a.snapshot.cpus) cpuAddr.set(c.id, c.addr);
  const ids = RULES.map((r) => r.id);
  const notes = notifications(a, uri);
  const internal = internalErrorCount(a);
  let otherDiagnostics = 0;
  for (const d of a.diagnostics) if (d.kind !== 'internal') otherDiagnostics++;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'playfair',
            version: TOOL_VERSION,
            informationUri: 'https://www.illumos.org/issues/1532',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.title },
              ...ruleTexts(r.id),
              helpUri: 'https://www.illumos.org/issues/1532',
            })),
          },
        },
        artifacts: [
          {
            location: { ...uri, ...(stdin ? { description: { text: 'standard input' } } : {}) },
            roles: stdin ? ['analysisTarget', 'standardStream'] : ['analysisTarget'],
            properties: { lines: a.accounting.lines },
          },
        ],
        invocations: [
          {
            executionSuccessful: internal === 0,
            ...(notes.length > 0 ? { toolExecutionNotifications: notes } : {}),
            ...(otherDiagnostics > MAX_DIAGNOSTICS_SHOWN ? { properties: { diagnosticsOmitted: otherDiagnostics - MAX_DIAGNOSTICS_SHOWN } } : {}),
          },
        ],
        results: new LazyArray(reportOrder(a.findings), (f) =>
          result(f, uri, ids.indexOf(f.rule), subjectFingerprint(f, f.cpu === undefined ? null : (cpuAddr.get(f.cpu) ?? null))),
        ),
        properties: { accounting: a.accounting, sections: a.sections.length, internalErrors: internal },
      },
    ],
  };
}

/** The SARIF document as a plain object (for tests and callers that inspect it). */
export function renderSarif(a: Analysis): object {
  return materialize(sarifDocument(a)) as object;
}

/** The SARIF document as JSON pieces (2-space indent), for pump(). */
export function sarifReport(a: Analysis): Iterable<string> {
  return jsonPieces(sarifDocument(a));
}
