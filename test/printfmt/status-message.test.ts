// A ::status panic message that mdb's auto-wrap moved off the `panic message:` line and broke at a
// space (smartos-live issue 574, fixtures/real/102): the message is whole, on its own first line,
// and `dump content:` after it is read. Before: the BAD TRAP line read as console panic output with
// half the message, and its rest and `dump content:` were prose, with no word said.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { parseStatus } from '../../grammar/status/index.ts';
import { continuesMessage, joinMessage } from '../../grammar/status/message.ts';
import type { PanicRecord, StatusRecord } from '../../grammar/records.ts';
import { numbered } from '../support/lines.ts';

const lines = numbered;
const WRAPPED = [
  'debugging crash dump vmcore.0 (64-bit) from headnode',
  'panic message: ',
  'BAD TRAP: type=e (#pf Page fault) rp=ffffff002f332940 addr=0 occurred in module ',
  '"FSS" due to a NULL pointer dereference',
  'dump content: kernel pages only',
];
const MESSAGE = 'BAD TRAP: type=e (#pf Page fault) rp=ffffff002f332940 addr=0 occurred in module "FSS" due to a NULL pointer dereference';

describe('the ::status reader', () => {
  it('joins the wrapped lines of the panic message and reads the field after it', () => {
    const r = parseStatus(lines(WRAPPED), { command: null });
    expect(r.unrecognized).toEqual([]);
    const status = r.records[0] as StatusRecord;
    expect(status.fields['panic message']).toEqual({ value: MESSAGE, line: 3 });
    expect(status.fields['dump content']).toEqual({ value: 'kernel pages only', line: 5 });
    expect(r.records.filter((x): x is PanicRecord => x.kind === 'panic').map((p) => [p.line, p.message])).toEqual([[3, MESSAGE]]);
  });
  it('takes a line after a message only where a wrap moved its first word down', () => {
    expect(continuesMessage('panic message: ', 0, 'BAD TRAP: x')).toBe(true);
    expect(continuesMessage('panic message:', 0, 'BAD TRAP: x')).toBe(true);
    expect(continuesMessage('panic message: assertion failed: x', 0, 'This happened twice.')).toBe(false);
    expect(continuesMessage(WRAPPED[2]!, 1, WRAPPED[3]!)).toBe(true);
    expect(continuesMessage(WRAPPED[3]!, 2, 'dump content: kernel pages only')).toBe(false);
    expect(continuesMessage('panic message: ', 0, '')).toBe(false);
    // Four lines at most.
    expect(continuesMessage('x'.repeat(80), 4, 'more')).toBe(false);
  });
});

describe('a message longer than mdb\'s line (auto-wrap cuts it every line\'s width, mdb_iob_nputs)', () => {
  // The shape of smartos-live issue 747: a terminal 113 columns wide, the cut inside a word.
  const MSG = 'BAD TRAP: type=e (#pf Page fault) rp=ffffff00fbc31ad0 addr=40 occurred in module "ip" due to a NULL pointer dereference';
  const cutEvery = (w: number) => Array.from({ length: Math.ceil(MSG.length / w) }, (_, i) => MSG.slice(i * w, (i + 1) * w));
  const read = (body: string[]) => (parseStatus(lines(['debugging crash dump vmcore.2 (64-bit) from headnode', 'panic message:', ...body, 'dump content: kernel pages only']), { command: null }).records[0] as StatusRecord).fields;

  it('joins the pieces with nothing added where the cut fell inside a word', () => {
    expect(cutEvery(113)).toEqual([MSG.slice(0, 113), 'erence']);
    expect(read(cutEvery(113))['panic message']).toEqual({ value: MSG, line: 3 });
    expect(read(cutEvery(113))['dump content']?.value).toBe('kernel pages only');
    // Before: `... NULL pointer deref erence`.
    expect(read(cutEvery(96))['panic message']?.value).toBe(MSG);
  });
  it('keeps the one space where the cut fell just before it or just after it', () => {
    expect(cutEvery(80)[1]!.startsWith(' "ip"')).toBe(true);
    expect(cutEvery(81)[0]!.endsWith('module ')).toBe(true);
    for (const w of [80, 81, 89, 90]) expect(read(cutEvery(w))['panic message']?.value, `width ${w}`).toBe(MSG);
  });
  it('joins with a space after a line narrower than the first: a wrap at a space, not mdb\'s cut', () => {
    const first = 'x'.repeat(90);
    expect(joinMessage('a b', 'y'.repeat(85), 'next', first.length)).toBe('a b next');
    expect(joinMessage('a b', 'y'.repeat(90), 'next', first.length)).toBe('a bnext');
    // A message that started on the `panic message:` line has no width of mdb's to go by.
    expect(joinMessage('a b', 'y'.repeat(90), 'next', 0)).toBe('a b next');
  });
});

describe('the real sample, and the pasted session it comes from', () => {
  it('smartos-live 574: every line read, the panic whole', () => {
    const a = analyzeText(readFileSync(new URL('../../fixtures/real/102-smartoslive-574-mdb-e-status-C-shell-prompt.txt', import.meta.url), 'utf8'));
    expect(a.accounting).toEqual({ lines: 16, parsed: 16, prose: 0, unrecognized: 0 });
    expect(a.snapshot.panic?.message).toBe(MESSAGE);
    expect(a.snapshot.system?.fields['dump content']).toBe('kernel pages only');
  });
  it('a short message with a sentence after it keeps the sentence out of the message', () => {
    const a = analyzeText(['> ::status', 'debugging crash dump vmcore.0 (64-bit) from h', 'panic message: assertion failed: x', 'This happened twice.'].join('\n'));
    expect(a.snapshot.panic?.message).toBe('assertion failed: x');
  });
});
