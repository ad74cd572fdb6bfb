// A transcript joined onto one input line (a page's `<br>`, a JSON string's `\n`) is said, with
// how to split it, and not counted as a person's prose: an input like that used to read as one
// line of prose, and the report had nothing to say about it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { joinedTranscript } from '../../src/ingest/joined.ts';
import { withoutBreakTag } from '../../src/ingest/decoration.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const lines = seed.split('\n');

describe('a transcript joined onto one line', () => {
  it('by <br> tags: unrecognized, with the count and a way to split it', () => {
    const a = analyzeText(lines.join('<br>'));
    expect(a.accounting).toEqual({ lines: 1, parsed: 0, prose: 0, unrecognized: 1 });
    expect(a.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, `mdb output joined onto one line by ${lines.length - 1} <br> tags (a page's source): put each on a line of its own to read it (sed 's/<[bB][rR] *\\/\\{0,1\\}>/\\n/g')`],
    ]);
  });

  it('by \\n escapes (a JSON string): the same', () => {
    const a = analyzeText(JSON.stringify(seed).slice(1, -1));
    expect(a.accounting.unrecognized).toBe(1);
    expect(a.diagnostics[0]?.message).toBe(
      `mdb output joined onto one line by ${lines.length - 1} \\n escapes (text copied out of JSON or a log): unescape it to read it (printf '%b', or jq -r for JSON)`,
    );
  });

  it("by Unicode line separators (a rich editor's soft line breaks): said, never 'Findings: none' in silence", () => {
    // Before: one line of prose, no diagnostic, and the report said it found nothing.
    for (const sep of ['\u2028', '\u2029', '\v']) {
      const a = analyzeText(lines.join(sep));
      expect(a.accounting).toEqual({ lines: 1, parsed: 0, prose: 0, unrecognized: 1 });
      expect(a.diagnostics[0]?.message).toBe(
        `mdb output joined onto one line by ${lines.length - 1} Unicode line separators (U+2028, U+2029 or VT, a rich editor's line breaks): make each a newline to read it (perl -CSD -pe 's/[\\x{2028}\\x{2029}\\x0b]/\\n/g')`,
      );
    }
    // The prose before a session kept its newlines; the session after them did not.
    const at = lines.findIndex((l) => l.startsWith('> '));
    const part = analyzeText(lines.slice(0, at).join('\n') + '\n' + lines.slice(at).join('\u2028'));
    expect(part.accounting).toEqual({ lines: at + 1, parsed: 0, prose: at, unrecognized: 1 });
  });

  it('that starts with a prompt or a shell line running mdb: said, not taken for that one line', () => {
    // Before: the joined session read as its first line, a shell line that starts mdb (1 parsed,
    // 0 sections, no diagnostic), or as the `> ::cpuinfo -v` it began with.
    const at = lines.findIndex((l) => l.startsWith('> '));
    for (const head of ['[root@h ~]# mdb -k', '# mdb unix.0 vmcore.0', '']) {
      const session = [...(head === '' ? [] : [head]), ...lines.slice(at)];
      const a = analyzeText(session.join('\u2028'));
      expect(a.accounting).toEqual({ lines: 1, parsed: 0, prose: 0, unrecognized: 1 });
      expect(a.diagnostics[0]?.message).toContain(`joined onto one line by ${session.length - 1} Unicode line separators`);
    }
  });

  it('by one Unicode line separator: a command and its one line of output are said too', () => {
    // Real sample 016 (two lines) and a format's three: before, the shell line swallowed the
    // stack header after it (1 line parsed, no diagnostic), and the format read as prose.
    const sample = readFileSync(new URL('../../fixtures/real/016-smartoslive-990-mdb-ke-findstack-threadname.txt', import.meta.url), 'utf8');
    const pair = sample.trimEnd().split('\n');
    expect(pair).toHaveLength(2);
    for (const text of [pair.join('\u2028'), '> kpreemptpri/D\u2028kpreemptpri:\u2028kpreemptpri:    100']) {
      const a = analyzeText(text);
      expect(a.accounting).toEqual({ lines: 1, parsed: 0, prose: 0, unrecognized: 1 });
    }
    expect(analyzeText(pair.join('\u2028')).diagnostics[0]?.message).toContain('joined onto one line by 1 Unicode line separator (U+2028');
    expect(analyzeText('> kpreemptpri/D\u2028kpreemptpri:\u2028kpreemptpri:    100').diagnostics[0]?.message).toContain('by 2 Unicode line separators (U+2028');
    // A person's line broken by an editor, with no mdb text in it, stays prose.
    expect(joinedTranscript('I looked at the dump\u2028and the run queues were long')).toBeNull();
  });

  it('inside output, by one separator: a line of that output, so the output goes on after it', () => {
    // Two `$C` frames joined by an editor. Said as a joined transcript, the line would end the
    // `$C` output there, and thread_start, after it, would be no one's frame.
    const text = [
      '> ffffff0007e01c40$C',
      'ffffff0007e01b90 swtch+0x1e6()',
      'ffffff0007e01bc0 cv_wait+0x7f(ffffff01d6fd5b60, ffffff01d6fd5ac0)\u2028ffffff0007e01c20 mac_soft_ring_worker+0xc5(ffffff01d6fd5ac0)',
      'ffffff0007e01c30 thread_start+8()',
    ].join('\n');
    expect(text.split('\n')[2]!.length).toBeGreaterThanOrEqual(120);
    const a = analyzeText(text);
    expect(a.sections.map((s) => [s.kind, s.command])).toEqual([['frames', 'ffffff0007e01c40$C']]);
    expect(a.accounting).toEqual({ lines: 4, parsed: 3, prose: 0, unrecognized: 1 });
    expect(a.diagnostics.map((d) => d.message).join()).not.toContain('joined onto one line');
    expect(a.snapshot.threads.find((t) => t.addr === 'ffffff0007e01c40')?.stack?.map((f) => f.func)).toEqual(['swtch', 'thread_start']);
    // A joined line that starts with a command is said there too: it is a session, not output.
    const session = '> ::cpuinfo\u2028 ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC\u2028  0 fffffffffbc486e0  1b    0    0  -1   no    no t-0    ffffff0007a05c40 (idle)';
    const b = analyzeText([...text.split('\n'), session].join('\n'));
    expect(b.diagnostics.at(-1)).toEqual({ line: 5, col: 1, message: expect.stringContaining('joined onto one line by 2 Unicode line separators') });
  });

  it('not a sentence with a C string or with line breaks of its own, nor fewer than 4 pieces', () => {
    expect(joinedTranscript('He printed "a\\nb\\nc\\nd" from the driver.')).toBeNull();
    expect(joinedTranscript('one<br>two<br/>three<br />four')).toBeNull();
    expect(joinedTranscript('::cpuinfo -v<br>text<br>more')).toBeNull();
    expect(joinedTranscript('see below<br>::cpuinfo -v<br>x<br>y')).not.toBeNull();
  });
});

describe('withoutBreakTag', () => {
  it('takes a line break off the end of a line, in any spelling and case', () => {
    expect(withoutBreakTag('  ffffff0007e01b90 swtch+0x1e6()<br>')).toBe('  ffffff0007e01b90 swtch+0x1e6()');
    expect(withoutBreakTag('&gt; ::cpuinfo -v<BR />')).toBe('&gt; ::cpuinfo -v');
    expect(withoutBreakTag('x<br/>')).toBe('x');
  });

  it('leaves any other tag or text', () => {
    for (const l of ['            RUNNING <--+', 'x</pre>', 'a<b>', '<br> in front', 'x<brx>']) expect(withoutBreakTag(l)).toBe(l);
  });
});
