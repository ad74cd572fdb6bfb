import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { markdownReport, summarize } from '../../src/triage/output.ts';
import { triageTable } from '../../src/triage/table.ts';
import { groupRecords } from '../../src/triage/group.ts';
import { errorRecord, triageRecord } from '../../src/triage/record.ts';
import { seedSnapshot } from '../rules/helpers.ts';
import { analysisOf, panicAnalysis } from './helpers.ts';

const GP = 'BAD TRAP: type=d (#gp General protection) rp=ffffd001f2b38b90 addr=0';

describe('grouping', () => {
  it('same failure together, different failures apart, biggest group first', () => {
    const recs = [
      triageRecord('a.txt', analysisOf(seedSnapshot())),
      triageRecord('b.txt', panicAnalysis(GP, ['mutex_owner_running', 'zfs_znode_free'])),
      triageRecord('c.txt', analysisOf(seedSnapshot())),
      triageRecord('d.txt', panicAnalysis('BAD TRAP: type=e (#pf Page fault) rp=fffffe00b6e59b50 addr=0', ['usb_console_input_enter'])),
    ];
    const g = groupRecords(recs);
    expect(g.map((x) => x.files)).toEqual([['a.txt', 'c.txt'], ['b.txt'], ['d.txt']].sort((x, y) => y.length - x.length || 0));
    expect(g[0]!.known).toEqual(['illumos-1532']);
    expect(g[0]!.worst).toBe('critical');
  });

  it('a report with no stacks joins the one group with the same rule and message, marked partial', () => {
    const recs = [triageRecord('with.txt', panicAnalysis(GP, ['mutex_owner_running', 'zfs_znode_free'])), triageRecord('without.txt', panicAnalysis(GP.replace('ffffd001f2b38b90', 'ffffff00413fe670'), []))];
    const g = groupRecords(recs);
    expect(g).toHaveLength(1);
    expect(g[0]!.files).toEqual(['with.txt', 'without.txt']);
    expect(g[0]!.partial).toEqual(['without.txt']);
  });

  it('no join when two groups could take it', () => {
    const recs = [
      triageRecord('x.txt', panicAnalysis(GP, ['f1'])),
      triageRecord('y.txt', panicAnalysis(GP, ['f2'])),
      triageRecord('z.txt', panicAnalysis(GP, [])),
    ];
    expect(groupRecords(recs)).toHaveLength(3);
  });

  it('unreadable and empty reports keep their own groups', () => {
    const recs = [errorRecord('bin.dat', 'binary'), triageRecord('empty.txt', analysisOf(undefined, 0))];
    const g = groupRecords(recs);
    expect(g.map((x) => x.rule).sort()).toEqual(['empty', 'unreadable']);
    expect(g.map((x) => x.label).sort()).toEqual(['nothing to judge', 'unreadable']);
    expect(g.every((x) => x.worst === null)).toBe(true);
    expect(recs[1]!.quality.rating).toBe('none');
  });
});

describe('known issues of a group', () => {
  const kp100 = () => analyzeText(readFileSync(new URL('../../fixtures/handwritten/verdicts/kp100-user-runner.txt', import.meta.url), 'utf8'));

  it('a group no report of which proves its known issue says it only resembles it, in every face', () => {
    // kpreemptpri 100 over a user-level runner: the #1532 match rests on medium findings only.
    const recs = [triageRecord('k1.txt', kp100()), triageRecord('k2.txt', kp100())];
    expect(recs[0]!.known.map((k) => [k.id, k.proven])).toEqual([['illumos-1532', false]]);
    const g = groupRecords(recs);
    expect(g).toHaveLength(1);
    expect(g[0]!.known).toEqual(['illumos-1532']);
    expect(g[0]!.resembles).toEqual(['illumos-1532']);
    const summary = summarize(recs, g);
    expect(triageTable(summary).split('\n')[2]).toContain('illumos-1532 (resembles: not proven)');
    const group = markdownReport(recs, summary).split('\n').find((l) => l.startsWith('1. '));
    expect(group).toMatch(/; known: Long\\-term kernel\\-resident .* \\\(resembles\\: not proven\\\)$/);
  });

  it('the seed proves it: no mark', () => {
    const recs = [triageRecord('a.txt', analysisOf(seedSnapshot())), triageRecord('b.txt', analysisOf(seedSnapshot()))];
    const g = groupRecords(recs);
    expect(g[0]!.known).toEqual(['illumos-1532']);
    expect(g[0]!.resembles).toEqual([]);
    expect(triageTable(summarize(recs, g))).not.toContain('resembles');
  });
});
