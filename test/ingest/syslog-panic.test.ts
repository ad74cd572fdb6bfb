// A panic forwarded through syslog (/var/adm/messages, an rsyslog file), pasted with the log around
// it and wrapped by a terminal or a mail client. Each variant is made here from the hand-written
// fixtures; none is a real sample.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeStream, analyzeText } from '../../src/analyze.ts';
import type { Analysis } from '../../src/analysis.ts';
import { isKernelLogLine, isOtherLogLine, restOfLogLine } from '../../src/ingest/log-line.ts';
import { fold } from '../support/fold.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/handwritten/reading/${path}`, import.meta.url), 'utf8');
const stripped = (t: string) => t.split('\n').map((l) => l.trimEnd()).join('\n');
/** What a reader of the panic gets: where and what it was, and the panicking thread's trace. */
const panicOf = (a: Analysis) => ({
  panic: [a.snapshot.panic?.cpu, a.snapshot.panic?.thread, a.snapshot.panic?.message],
  stacks: a.snapshot.threads.map((t) => (t.stack ?? []).map((f) => `${f.func}+${f.offset}`)),
});

describe('log lines around a panic', () => {
  it('tells a kernel\'s forwarded console line from a daemon\'s and another facility\'s', () => {
    const kernel = 'Dec  2 03:14:07 fs01 unix: [ID 836849 kern.notice] #012#015panic[cpu2]/thread=fffffe00f5d8ec20: ';
    expect(isKernelLogLine(kernel)).toBe(true);
    // The splitter reads a run of stamped lines without their stamps (prefix.ts).
    expect(isKernelLogLine(kernel.slice('Dec  2 03:14:07 '.length))).toBe(true);
    expect(isOtherLogLine(kernel)).toBe(false);
    const daemon = '2020-05-21T19:36:28.540706+00:00 host-1 rsyslogd3: No files configured to be monitored';
    expect([isKernelLogLine(daemon), isOtherLogLine(daemon)]).toEqual([false, true]);
    const savecore = 'Oct 18 19:53:37 smartos3 savecore: [ID 570001 auth.error] reboot after panic: BAD TRAP: type=e';
    expect([isKernelLogLine(savecore), isOtherLogLine(savecore)]).toEqual([false, true]);
    // Console text and mdb output are not log lines.
    for (const line of ['panic[cpu2]/thread=fffffe00f5d8ec20: ', 'fffffe00f5d8e780 unix:die+c6 ()', 'debugging crash dump vmcore.0 (64-bit) from x'])
      expect([isKernelLogLine(line), isOtherLogLine(line)], line).toEqual([false, false]);
  });

  it('takes a line without a stamp after a kernel\'s log line, through pieces as wide as a wrap\'s, as its rest', () => {
    const head = { text: 'fs01 unix: [ID 592667 kern.notice] #011rdi: fffffe5a3c0e' };
    const piece = { text: '6000 rsi:                0 rdx:                0 and so on' };
    expect(restOfLogLine([head], '6000 rsi:')).toBe(true);
    expect(restOfLogLine([head, piece], 'rest')).toBe(true);
    expect(restOfLogLine([head, { text: 'short' }], 'rest')).toBe(false);
    expect(restOfLogLine([head], '')).toBe(false);
    expect(restOfLogLine([head], 'Dec  2 03:14:07 fs01 unix: [ID 100000 kern.notice] #012')).toBe(false);
    expect(restOfLogLine([{ text: 'panic[cpu2]/thread=fffffe00f5d8ec20: ' }], 'rest')).toBe(false);
  });

  it('reads the log before the panic as prose, not as a panic it cannot read (smartos-live issue 935\'s shape)', () => {
    const panic = fixture('panic-rsyslog.txt');
    const text = [
      '2020-05-21T19:27:04.732631+00:00 host-1 klmmod: [ID 497209 kern.notice] NOTICE: Unable to set CLSET_NODELAYONERR#012',
      '2020-05-21T19:36:28.540706+00:00 host-1 rsyslogd3: No files configured to be monitored [try http://www.rsyslog.com/e/-3 ]',
      panic,
    ].join('\n');
    const a = analyzeText(text);
    const plain = analyzeText(panic);
    // Before: a panic section from the first line, and both log lines unrecognized.
    expect(a.sections.map((s) => [s.kind, s.startLine])).toEqual([['panic', 3]]);
    expect(a.accounting).toEqual({ ...plain.accounting, lines: plain.accounting.lines + 2, prose: plain.accounting.prose + 2 });
    expect(panicOf(a)).toEqual(panicOf(plain));
  });
});

describe('a person\'s line after a syslog panic\'s', () => {
  it('stays prose and out of the panic message', () => {
    const text = [
      'Dec  2 03:14:07 fs01 unix: [ID 836849 kern.notice] #012#015panic[cpu2]/thread=fffffe00f5d8ec20: ',
      'Dec  2 03:14:07 fs01 genunix: [ID 335743 kern.notice] BAD TRAP: type=e (#pf Page fault)',
      'This is all that the log had, the rest was lost when the box rebooted.',
    ].join('\n');
    const a = analyzeText(text);
    expect(a.snapshot.panic?.message).toBe('BAD TRAP: type=e (#pf Page fault)');
    expect(a.accounting).toEqual({ lines: 3, parsed: 2, prose: 1, unrecognized: 0 });
  });
});

describe('a syslog panic wrapped', () => {
  for (const name of ['panic-rsyslog.txt', 'panic-syslog-frames-only.txt']) {
    const text = fixture(name);
    const plain = analyzeText(text);

    it(`${name}: the same panic and trace at every width from 60 to 80, cut anywhere or at a space`, () => {
      expect(plain.accounting.unrecognized).toBe(0);
      for (let w = 60; w <= 80; w++) {
        for (const [form, wrapped] of [['fold', fold(text, w, false)], ['fold -s', fold(text, w, true)]] as const) {
          const a = analyzeText(wrapped);
          expect(panicOf(a), `${form} ${w}`).toEqual(panicOf(plain));
          expect(a.accounting.unrecognized, `${form} ${w}`).toBe(0);
        }
      }
    });

    it(`${name}: cut at a space with the space stripped, the same CPU, thread and trace, and never more message than there was`, () => {
      // With no width to go by, a piece that reads as a sentence may be a person's line: it is
      // prose, and the message stops short rather than take a person's words.
      for (let w = 60; w <= 80; w++) {
        const a = analyzeText(stripped(fold(text, w, true)));
        expect(panicOf(a).panic.slice(0, 2), `${w}`).toEqual(panicOf(plain).panic.slice(0, 2));
        expect(panicOf(a).stacks, `${w}`).toEqual(panicOf(plain).stacks);
        const message = a.snapshot.panic?.message ?? '';
        expect((plain.snapshot.panic?.message ?? '').startsWith(message), `${w}: ${message}`).toBe(true);
        expect(a.accounting.unrecognized, `${w}`).toBe(0);
      }
    });

    it(`${name}: streamed as whole`, async () => {
      const wrapped = fold(text, 72, false);
      const streamed = await analyzeStream(
        (async function* () {
          yield wrapped.split('\n');
        })(),
      );
      expect(panicOf(streamed)).toEqual(panicOf(plain));
    });
  }
});
