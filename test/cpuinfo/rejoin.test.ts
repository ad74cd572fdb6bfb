// rejoinCutRows: rows and headers a fixed-width wrap cut, joined again only where the next line is
// provably their rest. Each case is built by hand from one seed row cut at a chosen column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { canonicalHeader, rejoinCutRows } from '../../src/ingest/cpuinfo-columns.ts';
import { fold } from '../support/fold.ts';

const HEADER = ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC';
const ROW = '  1 ffffff01d3e32580  1f    4    0   0  yes    no t-6620600 ffffff01d5a600c0 qemu-system-x86_';
const src = (texts: string[]) => texts.map((text, i) => ({ no: i + 10, text }));
/** The texts the grammar would read and the joins, for lines cut from `texts`. */
function rejoin(texts: string[]) {
  const r = rejoinCutRows(src(texts));
  return { texts: r.lines.map((l) => l.text), joined: [...r.joined] };
}

describe('joins what a wrap provably cut', () => {
  it('a THREAD cut inside: the next line starts with the 4 digits it lacks', () => {
    // Cut at 72: `... ffffff01d5a6` | `00c0 qemu-system-x86_`.
    expect(rejoin([HEADER.slice(0, 72), ROW.slice(0, 72), ROW.slice(72)]).texts[1]).toBe(ROW);
  });

  it('a header cut before or inside PROC', () => {
    expect(rejoin([HEADER.slice(0, 76), HEADER.slice(76), ROW.slice(0, 76)]).texts[0]).toBe(HEADER);
    expect(rejoin([HEADER.slice(0, 58), HEADER.slice(58)]).texts).toEqual([HEADER]);
  });

  it('a row cut on the space before PROC', () => {
    const cut = ROW.indexOf(' qemu');
    expect(rejoin([ROW.slice(0, cut), ROW.slice(cut)])).toEqual({ texts: [ROW], joined: [[10, [11]]] });
  });

  it('a row whose trailing space was cut off onto a line of its own: the space comes back for the wrapped name', () => {
    const row = ROW.slice(0, ROW.indexOf(' qemu'));
    expect(rejoin([row, '', 'qemu-system-x86_']).texts).toEqual([row + ' ', 'qemu-system-x86_']);
  });

  it('a name cut in two, once another line of the section shows the wrap', () => {
    const block = '             EXISTS                59 ffffff01cfa6d7c0 qemu-system-x86_';
    // The header at 62 shows the wrap; the block line, also 62 long, is then cut inside its name.
    expect(rejoin([HEADER.slice(0, 62), HEADER.slice(62), block.slice(0, 62), block.slice(62)]).texts).toEqual([HEADER, block]);
    // The pinned thread's line (`-` for its PIL) too: it was left cut, its name's rest unread
    // (seed-intr-over-qemu.txt at 60 columns).
    const pinned = '           QUIESCED         |           - ffffff01d5a600c0 qemu-system-x86_';
    expect(rejoin([HEADER.slice(0, 60), HEADER.slice(60), pinned.slice(0, 60), pinned.slice(60)]).texts).toEqual([HEADER, pinned]);
  });

  it('the run-queue header cut inside or before PROC, and a pinned line cut on the space before its name', () => {
    // `+-->  PRI THREAD           PROC` is 59 wide: every narrower wrap cuts it, and read apart the
    // queue rows under it were 'outside a run-queue block'.
    const queue = '                            +-->  PRI THREAD           PROC';
    for (const at of [56, 57, 58]) expect(rejoin([HEADER.slice(0, at), HEADER.slice(at), queue.slice(0, at), queue.slice(at)]).texts[1], `at ${at}`).toBe(queue);
    const pinned = '             EXISTS         |           - fffffe000fe05c20 (idle)';
    const at = pinned.indexOf(' (idle)');
    expect(rejoin([HEADER.slice(0, at), HEADER.slice(at), pinned.slice(0, at), pinned.slice(at)]).texts[1]).toBe(pinned);
    // The PIL block's header has no PROC: nothing to join.
    const pil = '            RUNNING <--+    |    +--> PIL THREAD';
    expect(rejoin([HEADER.slice(0, pil.length), HEADER.slice(pil.length), pil, 'ffff']).texts.slice(1)).toEqual([pil, 'ffff']);
  });
});

describe('joins what a wrap at a space (fold -s, a mail client) provably cut, before the widest line', () => {
  const WIDE = 'x'.repeat(90);
  it('a header without PROC, whether the space stayed on the line or was dropped', () => {
    const cut = HEADER.lastIndexOf(' PROC') + 1;
    expect(rejoin([HEADER.slice(0, cut), HEADER.slice(cut), WIDE]).texts[0]).toBe(HEADER);
    // A client that dropped the space: one fewer before PROC (the column rebuild puts it back), the same words.
    expect(rejoin([HEADER.slice(0, cut - 1), HEADER.slice(cut), WIDE]).texts[0]).toBe(HEADER.slice(0, cut - 1) + 'PROC');
    expect(rejoin([' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD', 'PROC', WIDE]).texts[0]).toBe(' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD PROC');
  });

  it('a row without THREAD: the next line starts with a THREAD as wide as ADDR', () => {
    const cut = ROW.indexOf('ffffff01d5a6');
    expect(rejoin([ROW.slice(0, cut), ROW.slice(cut), WIDE]).texts[0]).toBe(ROW);
    expect(rejoin([ROW.slice(0, cut), 'ffffff01d5a6 qemu', WIDE]).joined).toEqual([]);
  });

  it('a -v block line left ending with a space after THREAD, its name at column 0, once a wrap is seen', () => {
    const cut = HEADER.lastIndexOf(' PROC') + 1;
    const block = '             EXISTS                59 ffffff01cfa6d7c0 qemu-system-x86_';
    const pinned = '             EXISTS         |           - ffffff0007605c40 (idle)';
    const at = (l: string) => l.lastIndexOf(' ') + 1;
    expect(rejoin([HEADER.slice(0, cut), HEADER.slice(cut), block.slice(0, at(block)), block.slice(at(block)), pinned.slice(0, at(pinned)), pinned.slice(at(pinned)), WIDE]).texts).toEqual([HEADER, block, pinned, WIDE]);
    // With no wrap seen in the section it is left to the grammar.
    expect(rejoin([block.slice(0, at(block)), block.slice(at(block)), WIDE]).joined).toEqual([]);
  });

  it('the same with the trailing space a copy stripped: joined when the name would not have fit at the widest line', () => {
    // The seed's CPU 0 folded at 60 by fold -s, then every line's trailing spaces stripped (an editor, a mail client).
    const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8').split('\n');
    const block = seed.slice(seed.findIndex((l) => l.startsWith(' ID ADDR')), seed.findIndex((l) => l.includes('60 ffffff0008910c40')) + 1);
    const pinned = block.find((l) => l.includes('- ffffff0007605c40'))!;
    const queue = block.find((l) => l.includes('60 ffffff0007dbac40'))!;
    const stripped = fold(block.join('\n'), 60, true).split('\n').map((l) => l.trimEnd());
    expect(stripped).toContain(pinned.slice(0, pinned.lastIndexOf(' ')));
    const texts = rejoin(stripped).texts;
    expect(texts).toContain(pinned);
    expect(texts).toContain(queue);
    // A word that would have fit beside the line at the widest line is not one a wrap moved (a PIL line and a person's word).
    const pil = '              READY         |           9 ffffff00076cbc40';
    expect(rejoin([...stripped.slice(0, 4), pil, 'ok', 'x'.repeat(80)]).texts).toContain(pil);
  });

  it('the run-queue header left without PROC, the space kept or dropped', () => {
    const queue = '                            +-->  PRI THREAD           PROC';
    const cut = queue.lastIndexOf(' PROC') + 1;
    expect(rejoin([queue.slice(0, cut), 'PROC', WIDE]).texts[0]).toBe(queue);
    expect(rejoin([queue.slice(0, cut - 1), 'PROC', WIDE]).texts[0]).toBe(queue.slice(0, cut - 1) + 'PROC');
    // Not its rest: a queue row at column 0.
    expect(rejoin([queue.slice(0, cut), '99 ffffff0007e01c40 sched', WIDE]).joined).toEqual([]);
  });

  it('a -v PIL, pinned or queue line cut before its thread: the line ends with its PIL, `-` or PRI, which mdb never prints last', () => {
    const pil = '              READY         |           4 fffffe000f0d5c20';
    const pinned = '             EXISTS         |           - fffffe000fe05c20 (idle)';
    const queue = '                                   99 fffffe000fa2ac20 sched';
    const before = (l: string) => l.indexOf(' fffffe') + 1;
    for (const l of [pil, pinned, queue]) {
      // fold -s keeps the space; a client that drops it gets one back.
      expect(rejoin([l.slice(0, before(l)), l.slice(before(l)), WIDE]).texts[0]).toBe(l);
      expect(rejoin([l.slice(0, before(l) - 1), l.slice(before(l)), WIDE]).texts[0]).toBe(l);
    }
    // Not a thread as mdb prints one (a cut one, 7 digits), or not at column 0: left to the grammar.
    expect(rejoin([pil.slice(0, before(pil)), 'fffffe0', WIDE]).joined).toEqual([]);
    expect(rejoin([pil.slice(0, before(pil)), ' fffffe000f0d5c20', WIDE]).joined).toEqual([]);
    // A fixed-width cut just before the space leaves it on the next line: column 1 then.
    expect(rejoin([pil.slice(0, before(pil) - 1), pil.slice(before(pil) - 1), WIDE]).texts[0]).toBe(pil);
    expect(rejoin([pil.slice(0, before(pil) - 1), '  fffffe000f0d5c20', WIDE]).joined).toEqual([]);
  });
});

describe('leaves alone what a wrap need not have cut', () => {
  it("a row ending with a space before its name at column 0: an old mdb's wrap, which the grammar reads", () => {
    const row = ROW.slice(0, ROW.indexOf('qemu'));
    expect(rejoin([row, 'qemu-system-x86_']).joined).toEqual([]);
    expect(rejoin([row, 'qemu-system-x86_', 'x'.repeat(90)]).joined).toEqual([]);
  });

  it('a whole row, the longest line, followed by a word at column 0, with no wrap seen', () => {
    expect(rejoin([ROW.replace('qemu-system-x86_', 'qemu'), 'Thanks']).joined).toEqual([]);
    // With a wrap seen (an 11-digit header cut at 66), a name is joined only up to 16 characters.
    const header = canonicalHeader(11);
    const row = (proc: string) => '  0 fffffc00b2a  1b    3    0  59   no    no t-3    fffffc00b2b ' + proc;
    const cut = (l: string) => [l.slice(0, 66), l.slice(66)];
    expect(header.length).toBeGreaterThan(66);
    expect(rejoin([...cut(header), ...cut(row('qemu-system-x86_'))]).texts).toEqual([header, row('qemu-system-x86_')]);
    expect(rejoin([...cut(header), ...cut(row('qemu-system-x86_64'))]).texts).toEqual([header, ...cut(row('qemu-system-x86_64'))]);
  });

  it('a THREAD cut whose next line does not hold exactly the missing digits', () => {
    expect(rejoin([ROW.slice(0, 72), '00c0f qemu']).joined).toEqual([]);
    expect(rejoin([ROW.slice(0, 72), 'zz00 qemu']).joined).toEqual([]);
  });

  it('a line shorter than the longest, or a section narrower than any wrap', () => {
    expect(rejoin([HEADER, ROW.slice(0, 72), ROW.slice(72)]).joined).toEqual([]);
    expect(rejoin([' ID ADDR FLG', 'x']).joined).toEqual([]);
  });
});

describe('fixtures/real/012 folded at 72 columns', () => {
  it("the row's THREAD cut to `ffff80019fd7004` | `0 mdb` is joined, not read as a line numbered 0 holding a shell's `mdb`", async () => {
    const { readFileSync } = await import('node:fs');
    const { analyzeText } = await import('../../src/analyze.ts');
    const text = readFileSync(new URL('../../fixtures/real/012-richlowe-aarch64-cpuinfo-stacks-part1.txt', import.meta.url), 'utf8');
    const folded = text.split('\n').flatMap((l) => (l.length > 72 ? [l.slice(0, 72), l.slice(72)] : [l])).join('\n');
    const plain = analyzeText(text);
    const a = analyzeText(folded);
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.snapshot.cpus.map((c) => [c.id, c.thread, c.proc])).toEqual([[0, 'ffff80019fd70040', 'mdb']]);
    expect(a.snapshot.threads.map((t) => t.addr)).toEqual(plain.snapshot.threads.map((t) => t.addr));
  });
});

describe('a -v block line whose thread address a wrap cut is refused, not made a thread', () => {
  const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
  const plain = analyzeText(seed);
  const addrs = (a: ReturnType<typeof analyzeText>) => new Set(a.snapshot.threads.map((t) => t.addr));

  it('the seed cut at 49 and 50 columns (`9 ffffff0` + `0076cbc40`): one thread again; with its rest lost, refused', () => {
    for (const w of [49, 50]) {
      const a = analyzeText(fold(seed, w, false));
      expect([...addrs(a)].filter((x) => !addrs(plain).has(x)), `at ${w}`).toEqual([]);
      const cpu0 = a.snapshot.cpus.find((c) => c.id === 0)!;
      expect(cpu0.pil.map((p) => p.thread), `at ${w}`).toEqual(['ffffff00076cbc40']);
      expect(cpu0.pinned?.thread, `at ${w}`).toBe('ffffff0007605c40');
    }
    // A paste that dropped the rest: 8 digits under a 16-wide header are refused, not made a thread.
    const lines = fold(seed, 50, false).split('\n');
    lines.splice(lines.findIndex((l) => l.endsWith('9 ffffff00')) + 1, 1);
    const a = analyzeText(lines.join('\n'));
    expect([...addrs(a)].filter((x) => !addrs(plain).has(x))).toEqual([]);
    expect(a.diagnostics.some((d) => d.message.startsWith('thread address ffffff00 is not as wide as mdb prints one (16 hex digits)'))).toBe(true);
  });
});

describe('the busy-pool fixture word-wrapped (fold -s) at 52 and 56 columns', () => {
  const text = readFileSync(new URL('../../fixtures/handwritten/verdicts/zio-disk-interrupt-busy-pool.txt', import.meta.url), 'utf8');

  it("keeps CPU 0's PIL 4 interrupt thread over idle, so no preemption-pending (the lost PIL block gave a low one)", () => {
    const plain = analyzeText(text);
    expect(plain.findings.map((f) => f.rule)).not.toContain('preemption-pending');
    for (const w of [52, 56]) {
      const a = analyzeText(fold(text, w, true));
      const cpu0 = a.snapshot.cpus.find((c) => c.id === 0)!;
      expect(cpu0.pil.map((p) => [p.pil, p.thread]), `at ${w}`).toEqual([[4, 'fffffe000f0d5c20']]);
      expect(cpu0.pinned?.thread, `at ${w}`).toBe('fffffe000fe05c20');
      expect(a.findings.map((f) => f.rule), `at ${w}`).not.toContain('preemption-pending');
    }
  });
});
