// A console panic copied from a terminal or a mail and wrapped: the kernel's lines are long (the
// panic line with its BAD TRAP message, cr0/cr4 with their flags, register rows ending in a
// 16-digit value), and their pieces read as nothing alone. Each variant is made here from the
// hand-written fixture or a real sample; none is itself a real sample.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import type { Analysis } from '../../src/analysis.ts';
import { looksLikeRegisterRow, restOfConsoleLine } from '../../src/ingest/console-wrap.ts';
import { fold } from '../support/fold.ts';

const read = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const stripped = (t: string) => t.split('\n').map((l) => l.trimEnd()).join('\n');
const where = (a: Analysis) => [a.snapshot.panic?.cpu, a.snapshot.panic?.thread];
const traces = (a: Analysis) => a.snapshot.threads.map((t) => (t.stack ?? []).map((f) => `${f.func}+${f.offset}`));
const pieces = (a: Analysis) => a.records.filter((r) => r.kind === 'registers').map((r) => (r.kind === 'registers' ? Object.keys(r.regs).length : 0));

describe('a piece of a console line', () => {
  it('belongs to the lines before when it reads as no panic text alone and with them it does', () => {
    const head = { text: '        rcx:                2  r8:                0  r9: ffffff01d0a8e01' };
    expect(restOfConsoleLine([head], '0')).toBe(true);
    // A head that reads as nothing alone either: a row cut after its last name.
    expect(restOfConsoleLine([{ text: '        rdi:                0 rsi: ffffff01d0a8e000 rdx:' }], '1')).toBe(true);
    expect(restOfConsoleLine([{ text: 'cr0: 8005003b<pg,wp,ne,et,ts,mp,pe> cr4: 6f8<xmme,fxsr,pge,mce,pae,pse,de' }], '>')).toBe(true);
    // A line that reads alone is its own; a blank line between is a paragraph; `#012` is a blank console line.
    expect(restOfConsoleLine([head], 'cr2: 0')).toBe(false);
    expect(restOfConsoleLine([head, { text: '' }], '0')).toBe(false);
    expect(restOfConsoleLine([{ text: 'panic[cpu3]/thread=ffffff0007e01c40: BAD TRAP: type=e' }], '#012')).toBe(false);
  });

  it('tells a register row, cut or whole, from a sentence', () => {
    expect(looksLikeRegisterRow('        rdi:                0 rsi: ffffff01d0a8e000 rdx:')).toBe(true);
    expect(looksLikeRegisterRow('         ss:               38')).toBe(true);
    expect(looksLikeRegisterRow('The machine hung: it was busy doing nothing at all.')).toBe(false);
    expect(looksLikeRegisterRow('cr2: 0 and then')).toBe(false);
  });
});

describe('the hand-written console panic wrapped', () => {
  const text = read('handwritten/printfmt/panic-console.txt');
  const plain = analyzeText(text);

  it('keeps the panicking CPU and thread, its trace and every register at every width from 56 to 80, every way', () => {
    expect(plain.accounting.unrecognized).toBe(0);
    for (let w = 56; w <= 80; w++) {
      for (const [form, wrapped] of [['fold', fold(text, w, false)], ['fold -s', fold(text, w, true)], ['fold -s, stripped', stripped(fold(text, w, true))]] as const) {
        const a = analyzeText(wrapped);
        expect(where(a), `${form} ${w}`).toEqual(where(plain));
        expect(traces(a), `${form} ${w}`).toEqual(traces(plain));
        expect(pieces(a), `${form} ${w}`).toEqual(pieces(plain));
        expect(a.accounting.unrecognized, `${form} ${w}`).toBe(0);
      }
    }
  });

  it('joins the message as the wrap cut it where the section shows the wrap, a fixed width at two cuts or more', () => {
    for (const w of [60, 64, 72]) expect(analyzeText(fold(text, w, false)).snapshot.panic?.message, `${w}`).toBe(plain.snapshot.panic?.message);
    for (const w of [60, 64, 72, 76]) expect(analyzeText(fold(text, w, true)).snapshot.panic?.message, `${w}`).toBe(plain.snapshot.panic?.message);
    // Stripped, no width shows: the message stops short rather than take what may be a person's words.
    for (const w of [60, 64, 72, 76]) expect((plain.snapshot.panic?.message ?? '').startsWith(analyzeText(stripped(fold(text, w, true))).snapshot.panic?.message ?? '-'), `${w}`).toBe(true);
  });

  it('leaves a person\'s sentence after the panic line prose and out of the message, and reads the trace after it', () => {
    const a = analyzeText(
      [
        'panic[cpu0]/thread=ffffff0007e01c40: BAD TRAP: type=e (#pf Page fault) rp=ffffff0007e01a30 addr=0',
        'I think this is the same bug as the one we saw last week on the other box.',
        '',
        'ffffff0007e01910 unix:die+dd ()',
      ].join('\n'),
    );
    expect(a.snapshot.panic?.message).toBe('BAD TRAP: type=e (#pf Page fault) rp=ffffff0007e01a30 addr=0');
    expect(a.accounting).toEqual({ lines: 4, parsed: 3, prose: 1, unrecognized: 0 });
    expect(traces(a)).toEqual([['die+221']]);
  });
});

describe('a real console panic wrapped', () => {
  it('omnios 1229 (fixtures/real/101): the panic and the trace under kmdb\'s banner at every width from 60 to 80', () => {
    const text = read('real/101-omnios-1229-panic-kmdb-banner-C.txt');
    const plain = analyzeText(text);
    for (let w = 60; w <= 80; w++) {
      for (const [form, wrapped] of [['fold', fold(text, w, false)], ['fold -s', fold(text, w, true)]] as const) {
        const a = analyzeText(wrapped);
        expect(where(a), `${form} ${w}`).toEqual(where(plain));
        expect(traces(a), `${form} ${w}`).toEqual(traces(plain));
      }
    }
  });
});
