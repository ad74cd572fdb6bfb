// ::status and ::print lines a wrap cut inside a value, and ::findstack saved-PC and frame lines
// cut outside their parentheses: joined again only where the pieces provably make one line. Each
// case is a line from the seed or a hand-written fixture, cut by hand at the column named.
import { describe, expect, it } from 'vitest';
import { rejoinCutPanicinfoLines, rejoinCutPrintLines, rejoinCutStatusLines } from '../../src/ingest/value-wrap.ts';
import { rejoinCutTableRows } from '../../src/ingest/table-rows.ts';
import { rejoinCutHeaders } from '../../src/ingest/stack-headers.ts';
import { MUTEX_COLUMNS } from '../../grammar/mutex/index.ts';
import { rejoinCutFrameLines } from '../../src/ingest/frame-lines.ts';
import { widthsSoFar, wordDidNotFit, type Rejoined } from '../../src/ingest/width-wrap.ts';
import type { SourceLine } from '../../grammar/common/source.ts';
import { analyzeText } from '../../src/analyze.ts';

const src = (texts: string[]): SourceLine[] => texts.map((text, i) => ({ no: i + 1, text }));
function run(rejoin: (lines: readonly SourceLine[], widthAt: ReturnType<typeof widthsSoFar>) => Rejoined, texts: string[]) {
  const lines = src(texts);
  const r = rejoin(lines, widthsSoFar(lines));
  return { texts: r.lines.map((l) => l.text), joined: [...r.joined] };
}

const OS = 'operating system: 5.11 joyent_20230112T000000Z (i86pc)';
const DEBUGGING = 'debugging crash dump vmcore.3 (64-bit) from buildhost';

describe('::status lines', () => {
  it('cut at a fixed width of 44: the build stamp and the host come back whole', () => {
    // fold -w 44: `... from ` + `buildhost`, `...T00000` + `0Z (i86pc)`.
    expect(run(rejoinCutStatusLines, [DEBUGGING.slice(0, 44), DEBUGGING.slice(44), OS.slice(0, 44), OS.slice(44)])).toEqual({
      texts: [DEBUGGING, OS],
      joined: [
        [1, [2]],
        [3, [4]],
      ],
    });
  });

  it('cut at a space (fold -s at 40): joined where the next word did not fit', () => {
    // `operating system: 5.11 ` (23) + `joyent_20230112T000000Z` (23 more) is past 40.
    expect(run(rejoinCutStatusLines, [DEBUGGING.slice(0, 40), 'operating system: 5.11 ', 'joyent_20230112T000000Z (i86pc)']).texts).toEqual([DEBUGGING.slice(0, 40), OS]);
  });

  it('a line that starts a ::status line of its own, or is blank, is never a rest', () => {
    const cut = OS.slice(0, 44);
    expect(run(rejoinCutStatusLines, [cut, 'dump content: kernel pages only']).joined).toEqual([]);
    expect(run(rejoinCutStatusLines, [cut, '']).joined).toEqual([]);
  });
});

describe('::print lines', () => {
  const LINE = 'ffffff01dde41b90 ts_timeleft = 0xff9b0253';
  it('a value cut at the width: 0xff9b025 is not what mdb printed', () => {
    // fold -w 40 cut the last digit off (the section's widest line is the cut one).
    expect(run(rejoinCutPrintLines, [LINE.slice(0, 40), LINE.slice(40)]).texts).toEqual([LINE]);
  });

  it("a member's name cut at the width: the rest of the name, its ` = ` and value are the next line", () => {
    const member = 'fffffe0a1e2f03a0 t_cpu->cpu_disp->disp_maxrunpri = 0x3c';
    expect(run(rejoinCutPrintLines, [member.slice(0, 40), member.slice(40)]).texts).toEqual([member]);
    // Short of the width so far (an earlier line was wider): a line of its own.
    expect(run(rejoinCutPrintLines, [member, 'ffffff01dde41b90 ts_time', 'left = 0xff9b0253']).joined).toEqual([]);
  });

  it('not joined: a line short of the width, a rest with a space in it, a line ending in a space', () => {
    expect(run(rejoinCutPrintLines, ['t_pri = 0x3c', 't_epri = 0']).joined).toEqual([]);
    expect(run(rejoinCutPrintLines, [LINE.slice(0, 40), '3 and more']).joined).toEqual([]);
    expect(run(rejoinCutPrintLines, ['ffffff01dde41b90 ts_timeleft = 0xff9b02 ', '53']).joined).toEqual([]);
  });
});

describe('::findstack saved-PC and frame lines', () => {
  const SAVED = '[ fffffe000f4c7b60 _resume_from_idle+0xf1() ]';
  const FRAME = '  fffffe000f4c7c20 mac_soft_ring_worker+0xc5(ffffff01d6fd5ac0)';
  const WIDE = 'stack pointer for thread fffffe000f4c7c20: f';

  it('a saved PC cut at the width (44) before its `]`, and at a space (fold -s) after its frame pointer', () => {
    expect(run(rejoinCutFrameLines, [WIDE, SAVED.slice(0, 44), SAVED.slice(44)]).texts).toEqual([WIDE, SAVED]);
    expect(run(rejoinCutFrameLines, ['[ fffffe000f4c7b60 ', '_resume_from_idle+0xf1() ]']).texts).toEqual([SAVED]);
  });

  it('a frame cut before its `(` at the width (44)', () => {
    expect(run(rejoinCutFrameLines, [WIDE, FRAME.slice(0, 44), FRAME.slice(44)]).texts).toEqual([WIDE, FRAME]);
  });

  it('not joined: a whole frame and the next, a frame cut inside its parentheses (unwrap.ts joins those), a rest that is indented', () => {
    const next = '  fffffe000f4c7c30 thread_start+8()';
    expect(run(rejoinCutFrameLines, [FRAME, next]).joined).toEqual([]);
    expect(run(rejoinCutFrameLines, [WIDE, FRAME.slice(0, 50), FRAME.slice(50)]).joined).toEqual([]);
    expect(run(rejoinCutFrameLines, [WIDE, FRAME.slice(0, 44), '  ' + FRAME.slice(44)]).joined).toEqual([]);
  });
});

describe('::mutex rows and headers', () => {
  const rejoinMutex = rejoinCutTableRows(MUTEX_COLUMNS);
  const HEADER = '            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS';
  const ROW = 'ffffff0d3b1f6e90 adapt ffffff0d4a9f3b80      -      -     yes';

  it('cut at the width (50): the header and the row whole again', () => {
    expect(run(rejoinMutex, [HEADER.slice(0, 50), HEADER.slice(50), ROW.slice(0, 50), ROW.slice(50)]).texts).toEqual([HEADER, ROW]);
  });

  it('cut at a space (fold -s at 48): the row padding goes on on the next line', () => {
    // fold -s breaks after the last space within 48: `... -  ` then `    -     yes`.
    expect(run(rejoinMutex, [ROW.slice(0, 48), ROW.slice(48)]).texts).toEqual([ROW]);
  });

  it('cut at a space and its trailing spaces stripped, padding and all: a row short of a column takes the rest', () => {
    // fold -s at 60, then stripped: `... -      -` (53) and `yes`; one space and `yes` would fit in 60.
    const head = ROW.slice(0, ROW.lastIndexOf(' ')).trimEnd();
    expect(run(rejoinMutex, [head, 'yes']).texts).toEqual([head + ' yes']);
    expect(analyzeText(['> ffffff0d3b1f6e90::mutex', HEADER.slice(0, 54).trimEnd(), 'WAITERS', head, 'yes', ''].join('\n')).accounting.unrecognized).toBe(0);
  });

  it('not joined: a whole row and the next, a join of more words than the header has columns, a line not led by an address', () => {
    expect(run(rejoinMutex, [ROW, ROW]).joined).toEqual([]);
    expect(run(rejoinMutex, [ROW.slice(0, 50), ROW.slice(50) + ' more']).joined).toEqual([]);
    expect(run(rejoinMutex, ['see the owner ', 'ffffff0d4a9f3b80 - - yes']).joined).toEqual([]);
  });
});

describe('::panicinfo rows', () => {
  const MESSAGE = '         message Deadlock: cycle in blocking chain';
  /** As read-section gives the rejoiner: the input's width (RawSection.inputWidth), 0 when no two lines showed one. */
  const atWidth = (texts: string[], width: number) => rejoinCutPanicinfoLines(src(texts), () => width).lines.map((l) => l.text);

  it('the message cut at a space (its rest at column 0), or at the width just before a space (its rest at column 1)', () => {
    expect(MESSAGE.slice(44, 45)).toBe(' ');
    expect(atWidth([MESSAGE.slice(0, 45), MESSAGE.slice(45)], 0)).toEqual([MESSAGE]);
    expect(atWidth([MESSAGE.slice(0, 44), MESSAGE.slice(44)], 44)).toEqual([MESSAGE]);
  });

  it('not joined: the next row (its label padding), a message line cut at no width the input shows', () => {
    expect(atWidth(['             cpu                1', '          thread ffffff0d4a9f3b80'], 0)).toHaveLength(2);
    expect(atWidth([MESSAGE.slice(0, 44), MESSAGE.slice(44)], 0)).toHaveLength(2);
  });
});

describe('::findstack headers and frames in three pieces (fold -s at 40 and 43)', () => {
  it('a header cut after `thread ` and after its description', () => {
    const pieces = ['stack pointer for thread ', 'fffffe000fa2ac20 (tq:zio_write_intr): ', 'fffffe000fa2ab60'];
    expect(run(rejoinCutHeaders, pieces)).toEqual({ texts: [pieces.join('')], joined: [[1, [2, 3]]] });
    // Two pieces that never make a header: left alone.
    expect(run(rejoinCutHeaders, [pieces[0]!, pieces[1]!, '[ fffffe000fa2ab60 _resume_from_idle+0xf1() ]']).joined).toEqual([]);
  });

  it('a word that would end exactly at the width did not fit when more follows it: fold -s breaks after its space', () => {
    // `  ffffff0008e3aaa0 ` (19) + `turnstile_block+0x21a(0,` (24) is 43, and the space after it the 44th.
    expect(wordDidNotFit('  ffffff0008e3aaa0 ', 'turnstile_block+0x21a(0, 0, ', 43)).toBe(true);
    expect(wordDidNotFit('  ffffff0008e3aaa0 ', 'turnstile_block+0x21a(0,', 43)).toBe(false);
  });
});

describe('a frame pointer left alone on its line', () => {
  it('is unrecognized, with its reason, not a frame whose function is a hex word (::findstack and $C)', () => {
    const findstack = [
      '> ffffff0d4a7e1c40::findstack -v',
      'stack pointer for thread ffffff0d4a7e1c40: ffffff0008e3a9d0',
      '[ ffffff0008e3a9d0 _resume_from_idle+0x12b() ]',
      '  ffffff0008e3aa00 swtch+0x141()',
      '  ffffff0008e3aaa0 ',
      '  ffffff0008e3ac40 thread_start+0xb()',
    ].join('\n');
    const a = analyzeText(findstack);
    expect(a.snapshot.threads[0]!.stack!.map((f) => f.func)).toEqual(['_resume_from_idle', 'swtch', 'thread_start']);
    expect(a.diagnostics).toEqual([{ line: 5, col: 3, message: 'findstack: ffffff0008e3aaa0 is a frame pointer with no function after it (a line a wrap cut?)' }]);
    const c = analyzeText(['> $C', 'fffffe000fe0ab00 zfs_znode_free+0x37(fffffe0a21c3e000)', 'fffffe000fe0ab60'].join('\n'));
    expect(c.diagnostics.map((d) => [d.line, d.message])).toEqual([[3, 'frame: fffffe000fe0ab60 is a frame pointer with no function after it (a line a wrap cut?)']]);
    // A symbol spelled with hex letters, shorter than a pointer, is still a function.
    expect(analyzeText(['> $C', 'fffffe000fe0ab00 bad+0x37()', 'fffffe000fe0ab60 dec()'].join('\n')).diagnostics).toEqual([]);
  });
});
