import { describe, expect, it } from 'vitest';
import { KNOWN_ISSUES, knownIssuesFor } from '../../src/triage/known-issues.ts';
import { computeSignature, involvedFrames } from '../../src/triage/signature.ts';
import type { Analysis } from '../../src/analysis.ts';
import { seedSnapshot } from '../rules/helpers.ts';
import { analysisOf, panicAnalysis } from './helpers.ts';

const ctxOf = (a: Analysis) => ({ fired: new Set(a.findings.map((f) => f.rule)), frames: new Set(involvedFrames(a)) });
const none = { fired: new Set<string>(), frames: new Set<string>() };

describe('known issues', () => {
  it('the data file has unique ids, tickets and a rule list for each entry', () => {
    const ids = KNOWN_ISSUES.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of KNOWN_ISSUES) {
      expect(k.tickets.length).toBeGreaterThan(0);
      expect(k.match.rules.length).toBeGreaterThan(0);
    }
  });

  it('the seed is illumos 1532 / OS-970', () => {
    const a = analysisOf(seedSnapshot());
    const known = knownIssuesFor(computeSignature(a), ctxOf(a));
    expect(known.map((k) => k.id)).toEqual(['illumos-1532']);
    expect(known[0]!.tickets).toEqual(['illumos 1532', 'SmartOS OS-970']);
  });

  it('starvation without the kpreemptpri evidence is not claimed as 1532', () => {
    const s = seedSnapshot();
    s.tunables['kpreemptpri'] = 99;
    const a = analysisOf(s);
    expect(knownIssuesFor(computeSignature(a), ctxOf(a))).toEqual([]);
  });

  it('a zfs_znode_free #gp panic maps to the smartos-live tickets, another #gp does not', () => {
    const hit = computeSignature(panicAnalysis('BAD TRAP: type=d (#gp General protection) rp=ffffd001f2b38b90 addr=0', ['mutex_owner_running', 'zfs_znode_free']));
    expect(knownIssuesFor(hit, none).map((k) => k.id)).toEqual(['smartos-live-527']);
    const miss = computeSignature(panicAnalysis('BAD TRAP: type=d (#gp General protection) rp=ffffd001f2b38b90 addr=0', ['strlen', 'vn_setpath']));
    expect(knownIssuesFor(miss, none)).toEqual([]);
  });
});
