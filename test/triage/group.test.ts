import { describe, expect, it } from 'vitest';
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
