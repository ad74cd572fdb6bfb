// SARIF 2.1.0: one run, the rules as reportingDescriptors, one result per finding located at its
// first evidence line in the input file (the others as relatedLocations), rule notes and
// diagnostics as tool execution notifications.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../analysis.ts';
import { RULES } from '../rules/index.ts';
import type { Finding, Severity } from '../rules/types.ts';
import { MAX_DIAGNOSTICS_SHOWN } from './summary.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_VERSION = '0.1.0';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads `security-severity`-like numbers; keep a plain rank as a property. */
const RANK: Record<Severity, number> = { critical: 95, high: 80, medium: 50, low: 20, info: 5 };

/** The input as a SARIF artifact URI: relative paths stay relative, absolute ones become file: URIs, stdin is named so. */
export function artifactUri(source: string): string {
  if (source === '-' || source === '') return 'stdin';
  if (isAbsolute(source)) return pathToFileURL(source).href;
  return source.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function location(uri: string, line: number, text: string | undefined, id?: number) {
  return {
    ...(id !== undefined ? { id } : {}),
    physicalLocation: {
      artifactLocation: { uri, index: 0 },
      region: { startLine: line, ...(text !== undefined ? { snippet: { text } } : {}) },
    },
  };
}

function result(f: Finding, uri: string, ruleIndex: number) {
  const [first, ...rest] = f.evidence;
  const text = `${f.title}\n\n${f.message}\n\nFix: ${f.fix}`;
  return {
    ruleId: f.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text },
    locations: first !== undefined ? [location(uri, first.line, first.text)] : [{ physicalLocation: { artifactLocation: { uri, index: 0 } } }],
    ...(rest.length > 0 ? { relatedLocations: rest.map((e, i) => location(uri, e.line, e.text, i + 1)) } : {}),
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

export function renderSarif(a: Analysis): object {
  const uri = artifactUri(a.source);
  const ids = RULES.map((r) => r.id);
  const notifications = [
    ...a.notes.map((n) => ({
      level: 'note' as const,
      message: { text: n.message },
      associatedRule: { id: n.rule, ...(ids.includes(n.rule) ? { index: ids.indexOf(n.rule) } : {}) },
    })),
    ...a.diagnostics.slice(0, MAX_DIAGNOSTICS_SHOWN).map((d) => ({
      level: 'warning' as const,
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri, index: 0 }, region: { startLine: d.line, startColumn: d.col } } }],
    })),
  ];
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
              helpUri: 'https://www.illumos.org/issues/1532',
            })),
          },
        },
        artifacts: [{ location: { uri }, properties: { lines: a.accounting.lines } }],
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
            ...(a.diagnostics.length > MAX_DIAGNOSTICS_SHOWN ? { properties: { diagnosticsOmitted: a.diagnostics.length - MAX_DIAGNOSTICS_SHOWN } } : {}),
          },
        ],
        results: a.findings.map((f) => result(f, uri, ids.indexOf(f.rule))),
        properties: { accounting: a.accounting, sections: a.sections.length },
      },
    ],
  };
}
