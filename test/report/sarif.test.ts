import { describe, expect, it } from 'vitest';
import { artifactLocationOf, artifactUri, renderSarif, subjectFingerprint } from '../../src/report/sarif.ts';
import { RULE_HELP } from '../../src/report/rule-help.ts';
import { RULES } from '../../src/rules/index.ts';
import { analyzeText } from '../../src/analyze.ts';
import { SEED_TEXT } from '../seed.ts';
import { seedAnalysis } from './helpers.ts';

// Only the parts of the shape we rely on, to read the object without `any`.
interface Loc { id?: number; physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index: number }; region?: { startLine: number; snippet?: { text: string } } } }
interface Sarif {
  version: string;
  $schema: string;
  runs: {
    tool: {
      driver: {
        name: string;
        rules: { id: string; shortDescription: { text: string }; fullDescription?: { text: string }; help?: { text: string; markdown: string } }[];
      };
    };
    artifacts: { location: { uri: string; uriBaseId?: string }; roles: string[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { associatedRule?: { id: string } }[] }[];
    results: { ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string>; message: { text: string }; locations: Loc[]; relatedLocations?: Loc[]; properties: { severity: string } }[];
  }[];
}

describe('renderSarif', () => {
  const a = seedAnalysis();
  const s = renderSarif(a) as Sarif;
  const run = s.runs[0]!;

  it('is SARIF 2.1.0 with every rule as a reportingDescriptor', () => {
    expect(s.version).toBe('2.1.0');
    expect(s.$schema).toContain('sarif-2.1.0');
    expect(run.tool.driver.name).toBe('playfair');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('one result per finding, at the input file and line, with the right rule index and level', () => {
    expect(run.results).toHaveLength(a.findings.length);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const loc = r.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toBe('fixtures/seed/illumos-1532.txt');
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(a.lines[loc.region!.startLine - 1]).toBe(loc.region!.snippet!.text);
    }
    const ts = run.results.find((r) => r.ruleId === 'ts-timeleft-overrun')!;
    expect(ts.level).toBe('error');
    expect([ts.locations[0]!, ...(ts.relatedLocations ?? [])].map((l) => l.physicalLocation.region!.startLine)).toEqual([82, 67, 68, 80]); // the ts_timeleft value is the primary location
    expect(run.results.find((r) => r.ruleId === 'runq-starvation')!.properties.severity).toBe('critical');
  });

  it('rule notes become notifications tied to their rule', () => {
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
    expect(run.invocations[0]!.toolExecutionNotifications![0]!.associatedRule!.id).toBe('stranded-runnable');
  });

  it('every rule has fullDescription and help (text and markdown) from the help table', () => {
    for (const r of RULES) {
      expect(RULE_HELP[r.id], `rule-help.ts has no entry for ${r.id}`).toBeDefined();
      const d = run.tool.driver.rules.find((x) => x.id === r.id)!;
      expect(d.fullDescription!.text).toBe(RULE_HELP[r.id]!.fullDescription);
      expect(d.help!.text).toBe(RULE_HELP[r.id]!.help);
    }
    const kp = run.tool.driver.rules.find((x) => x.id === 'kpreempt-threshold')!;
    expect(kp.help!.markdown).toContain('Check `kpreemptpri/d` and `maxclsyspri/d`\\.');
    expect(Object.keys(RULE_HELP).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('results worst first, each with a playfairSubject/v1 fingerprint that ignores line numbers', () => {
    expect(run.results.map((r) => r.ruleId)).toEqual(['runq-starvation', 'preemption-pending', 'ts-timeleft-overrun', 'kpreempt-threshold']);
    const shifted = renderSarif(analyzeText('pasted from the ticket:\n\n\n' + SEED_TEXT, { source: 'x.txt' })) as Sarif;
    const fp = (doc: Sarif) => doc.runs[0]!.results.map((r) => r.partialFingerprints['playfairSubject/v1']);
    expect(fp(shifted)).toEqual(fp(s));
    expect(shifted.runs[0]!.results[0]!.locations[0]!.physicalLocation.region!.startLine).toBe(run.results[0]!.locations[0]!.physicalLocation.region!.startLine + 3);
    expect(new Set(fp(s)).size).toBe(4);
    for (const f of fp(s)) expect(f).toMatch(/^[0-9a-f]{32}$/);
  });

  it('the fingerprint is the rule and the subject: CPU address and threads, in any order', () => {
    const f = a.findings.find((x) => x.rule === 'runq-starvation')!;
    const same = subjectFingerprint({ ...f, threads: [...f.threads!].reverse(), evidence: [], message: 'other' }, 'ffffff01d3e32580');
    expect(same).toBe(subjectFingerprint(f, 'ffffff01d3e32580'));
    expect(subjectFingerprint(f, 'ffffff01d3e32581')).not.toBe(same);
    expect(subjectFingerprint({ ...f, rule: 'interrupt-hog' }, 'ffffff01d3e32580')).not.toBe(same);
    expect(subjectFingerprint({ ...f, threads: f.threads!.slice(1) }, 'ffffff01d3e32580')).not.toBe(same);
  });

  it('stdin is a STDIN-based location and a standardStream artifact, not a file URI', () => {
    expect(artifactLocationOf('stdin')).toEqual({ uri: 'stdin', uriBaseId: 'STDIN' });
    const doc = renderSarif({ ...a, source: 'stdin' }) as Sarif;
    expect(doc.runs[0]!.artifacts[0]!.location).toMatchObject({ uri: 'stdin', uriBaseId: 'STDIN' });
    expect(doc.runs[0]!.artifacts[0]!.roles).toEqual(['analysisTarget', 'standardStream']);
    expect(doc.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'stdin', uriBaseId: 'STDIN', index: 0 });
  });

  it('artifact URIs: relative stays relative and encoded, absolute becomes file:, stdin named', () => {
    expect(artifactUri('-')).toBe('stdin');
    expect(artifactLocationOf('reports/a b.txt')).toEqual({ uri: 'reports/a%20b.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocationOf('/tmp/x.txt')).toEqual({ uri: 'file:///tmp/x.txt' });
    expect(artifactUri('reports/a b.txt')).toBe('reports/a%20b.txt');
    expect(artifactUri('/tmp/x.txt')).toBe('file:///tmp/x.txt');
  });
});
