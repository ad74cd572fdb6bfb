// Every stack grammar: never throws, and gives at most one diagnostic per line, on any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SectionParser, SourceLine } from '../../grammar/common/source.ts';
import { parseFindstack } from '../../grammar/findstack/index.ts';
import { parseFrames } from '../../grammar/frames/index.ts';
import { parseStacks } from '../../grammar/stacks/index.ts';
import { parseThread } from '../../grammar/thread/index.ts';
import { parseThreadlist } from '../../grammar/threadlist/index.ts';
import { fixtureLines, noCommand } from './helpers.ts';
import { numbered } from '../support/lines.ts';

const PARSERS: [string, SectionParser][] = [
  ['findstack', parseFindstack],
  ['stacks', parseStacks],
  ['threadlist', parseThreadlist],
  ['thread', parseThread],
  ['frames', parseFrames],
];

/** Pieces of real output, so random lines get deep into the grammars rather than failing at column 1. */
const pieces = [
  'stack pointer for thread ',
  'ffffff0007e01c40',
  ' (TS_FREE)',
  ' (bhyve/1 [mevent])',
  ': ',
  '[ ',
  ' ]',
  '  ',
  'swtch+0x1e6',
  '(',
  ')',
  ', ',
  '0x',
  '+0x',
  'mdb: ',
  'Possible stack pointers for thread ',
  'THREAD           STATE    SOBJ                COUNT',
  '<NONE>',
  '??',
  ' -',
  '...',
  ' ... truncated ...',
  'PC: ',
  '    THREAD: ',
  'ADDR',
  ' SOBJ OPS',
  'n/a',
  '\t',
  '\u202e',
  '\x1b[4m',
  'é',
];
const line = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')));
const section = fc.array(line, { maxLength: 25 }).map(numbered);

function checkAccounting(lines: readonly SourceLine[], parse: SectionParser): void {
  const r = parse(lines, noCommand);
  const seen = new Set<number>();
  for (const d of r.unrecognized) {
    expect(seen.has(d.line), `two diagnostics for line ${d.line}`).toBe(false);
    seen.add(d.line);
    expect(lines.some((l) => l.no === d.line)).toBe(true);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

describe.each(PARSERS)('%s', (_name, parse) => {
  it('never throws and gives at most one diagnostic per line', () => {
    fc.assert(
      fc.property(section, (lines) => checkAccounting(lines, parse)),
      { numRuns: 400 },
    );
  });

  it('reads 10,000-character lines of hex digits and `+0x` runs, one diagnostic at most each', () => {
    const lines = [
      { no: 1, text: 'f'.repeat(10_000) },
      { no: 2, text: '+0x'.repeat(3_400) },
      { no: 3, text: '  ' + 'ffffff0007e01b90 '.repeat(600) },
      { no: 4, text: 'stack pointer for thread (' + '('.repeat(10_000) },
      { no: 5, text: 'a('.repeat(5_000) },
    ];
    checkAccounting(lines, parse);
  });
});

describe('fixtures fed to the wrong grammar', () => {
  it('still give one diagnostic per line at most', () => {
    const all = [
      fixtureLines('fixtures/seed/illumos-1532.txt'),
      fixtureLines('fixtures/real/011-coreclr-lx-userland-stacks-i.txt'),
      fixtureLines('fixtures/real/017-omnios-632-status-stackregs-two-hosts.txt'),
    ];
    for (const lines of all) for (const [, parse] of PARSERS) checkAccounting(lines, parse);
  });
});
