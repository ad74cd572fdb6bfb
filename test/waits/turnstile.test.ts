// ::turnstile: the grammar (mdb's genunix turnstile dcmd: `%0?p %?p %5d %4d %?p %?p` under ADDR SOBJ
// WTRS EPRI ITOR PRIOINV), the lock owner it names (ts_inheritor: turnstile_pi_inherit wills the
// waiters' priority to the lock's owner), and the hand-written convoy read through it. Expected
// lines counted by hand in fixtures/handwritten/waits/convoy-mutex-turnstile.txt: waiter frames at
// 6, 15, 24, 33, 42; the owner's biowait at 60; `> ::turnstile` at 64, its header 65, rows 66-69.
import { describe, expect, it } from 'vitest';
import { parseTurnstile as parse } from '../../grammar/turnstile/index.ts';
import type { TurnstileRecord } from '../../grammar/records.ts';
import type { SourceLine } from '../../grammar/common/source.ts';
import { analyzeText } from '../../src/analyze.ts';
import { runMdbCommand } from '../../src/shell/commands.ts';
import { renderersFor } from '../../src/shell/renderers.ts';
import { analyzeFixture, waitFindings } from './helpers.ts';
import { numbered } from '../support/lines.ts';

function parseTurnstile(lines: SourceLine[]) {
  const r = parse(lines, { command: null });
  return { records: r.records as TurnstileRecord[], unrecognized: r.unrecognized };
}

const at = numbered;
const HEADER = '            ADDR             SOBJ  WTRS EPRI             ITOR          PRIOINV';

describe('::turnstile grammar', () => {
  it('reads each row; NULL (0) pointers are null, a free (cached) turnstile has no sobj', () => {
    const r = parseTurnstile(
      at([
        HEADER,
        'ffffff0f01a2c000                0     0    0                0                0',
        'ffffff0f01a2c040 ffffff0f1a77c2d8     6   60 ffffff0f2b9d0b40 ffffff0f01a2c3c0',
      ]),
    );
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toEqual([
      { kind: 'turnstile', line: 2, addr: 'ffffff0f01a2c000', sobj: null, waiters: 0, epri: 0, inheritor: null },
      { kind: 'turnstile', line: 3, addr: 'ffffff0f01a2c040', sobj: 'ffffff0f1a77c2d8', waiters: 6, epri: 60, inheritor: 'ffffff0f2b9d0b40' },
    ]);
  });

  it('a row that is not six columns of pointers and counts is unrecognized, with its reason', () => {
    const r = parseTurnstile(at(['ffffff0f01a2c040 ffffff0f1a77c2d8 six 60 0 0', 'ffffff0f01a2c040 ffffff0f1a77c2d8 6 60 0', '0 ffffff0f1a77c2d8 6 60 0 0']));
    expect(r.records).toEqual([]);
    expect(r.unrecognized.map((d) => d.line)).toEqual([1, 2, 3]);
    expect(r.unrecognized[0]!.message).toBe('::turnstile: expected ADDR SOBJ WTRS EPRI ITOR PRIOINV (pointers in hex, counts in decimal)');
  });
});

describe('owners named by ::turnstile', () => {
  const a = analyzeFixture('convoy-mutex-turnstile.txt');

  it('the convoy reads as with ::mutex: the inheritor is the owner, proven (certain; medium, the owner sleeps on I/O)', () => {
    expect(a.accounting.unrecognized).toBe(0);
    const [f, ...rest] = waitFindings(a);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'lock-convoy', severity: 'medium', confidence: 'certain', title: 'Lock convoy: 6 threads blocked on mutex ffffff0f1a77c2d8' });
    expect(f!.evidence.map((e) => e.line)).toEqual([67, 6, 15, 24, 33, 42, 60]);
    expect(f!.message).toContain('::turnstile (line 67) names its owner ffffff0f2b9d0b40 (ufs_putpages), asleep itself, waiting for buf ffffff0f33a1c080');
    // Mutex waiters sleep on the turnstile, so the blocked walker lists them, not ::wchaninfo.
    expect(f!.confirm).toEqual([
      'ffffff0f1a77c2d8::mutex',
      'ffffff0f1a77c2d8::walk blocked | ::findstack',
      'ffffff0f1a77c2d8::sobj2ts | ::turnstile',
      'ffffff0f2b9d0b40::findstack -v',
    ]);
  });

  it('a turnstile whose lock no waiter frame shows names nothing; one with no inheritor names no owner', () => {
    const owners = a.snapshot.waits!.owners;
    expect(owners.map((o) => [o.object, o.owner, o.source, o.line])).toEqual([['ffffff0f1a77c2d8', 'ffffff0f2b9d0b40', '::turnstile', 67]]);
  });

  it('::mutex wins over ::turnstile for the same lock', () => {
    const text = `${fixtureText(a)}> ffffff0f1a77c2d8::mutex\n            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS\nffffff0f1a77c2d8 adapt ffffff0f2b9d0b40      -      -     yes\n`;
    const b = analyzeText(text, { source: 'both' });
    expect(b.snapshot.waits!.owners.map((o) => [o.source, o.line])).toEqual([['::mutex', 72]]);
  });

  it('the lock tables pasted without their command are found by their header', () => {
    const text = [
      HEADER,
      'ffffff0f01a2c040 ffffff0f1a77c2d8     6   60 ffffff0f2b9d0b40                0',
      '',
      '            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS',
      'ffffff0f1a77c2d8 adapt ffffff0f2b9d0b40      -      -     yes',
      '',
      '            ADDR      OWNER/COUNT FLAGS          WAITERS',
      'ffffff0e11d3a2c8        READERS=3  B000',
    ].join('\n');
    const b = analyzeText(text + '\n', { source: 'bare' });
    expect(b.sections.map((s) => s.kind)).toEqual(['turnstile', 'mutex', 'rwlock']);
    expect(b.accounting.unrecognized).toBe(0);
  });
});

describe('ADDR::walk blocked in the mdb prompt', () => {
  const a = analyzeFixture('convoy-mutex-turnstile.txt');
  const r = renderersFor();

  it('lists the threads whose stacks block on the lock, and pipes them on', () => {
    expect(runMdbCommand(a, 'ffffff0f1a77c2d8::walk blocked', r).lines).toEqual([
      'ffffff0f2c01ac40',
      'ffffff0f2c1b3880',
      'ffffff0f2c24e0c0',
      'ffffff0f2c3d97c0',
      'ffffff0f2c4a1b00',
      'ffffff0f2c5e2440',
    ]);
    const piped = runMdbCommand(a, 'ffffff0f1a77c2d8::walk blocked | ::findstack', r);
    expect(piped.error).toBeUndefined();
    expect(piped.lines.filter((l) => l.startsWith('stack pointer for thread'))).toHaveLength(6);
  });

  it('refuses a global walk as mdb does, and a lock nobody waits on gives nothing', () => {
    expect(runMdbCommand(a, '::walk blocked', r).error).toBe('must specify a sobj * for blocked walk');
    expect(runMdbCommand(a, 'ffffff0f33a1c080::walk blocked', r).lines).toEqual([]);
  });
});

function fixtureText(a: ReturnType<typeof analyzeFixture>): string {
  return a.lines.join('\n') + '\n';
}
