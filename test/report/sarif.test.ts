import { describe, expect, it } from 'vitest';
import { artifactUri, renderSarif } from '../../src/report/sarif.ts';
import { RULES } from '../../src/rules/index.ts';
import { seedAnalysis } from './helpers.ts';

// Only the parts of the shape we rely on, to read the object without `any`.
interface Loc { id?: number; physicalLocation: { artifactLocation: { uri: string; index: number }; region?: { startLine: number; snippet?: { text: string } } } }
interface Sarif {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string } }[] } };
    artifacts: { location: { uri: string } }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { associatedRule?: { id: string } }[] }[];
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Loc[]; relatedLocations?: Loc[]; properties: { severity: string } }[];
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

  it('artifact URIs: relative stays relative and encoded, absolute becomes file:, stdin named', () => {
    expect(artifactUri('-')).toBe('stdin');
    expect(artifactUri('reports/a b.txt')).toBe('reports/a%20b.txt');
    expect(artifactUri('/tmp/x.txt')).toBe('file:///tmp/x.txt');
  });
});
