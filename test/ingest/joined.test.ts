// A transcript joined onto one input line (a page's `<br>`, a JSON string's `\n`) is said, with
// how to split it, and not counted as a person's prose: an input like that used to read as one
// line of prose, and the report had nothing to say about it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeStream, analyzeText } from '../../src/analyze.ts';
import { holdsNoJoins, joinedTranscript } from '../../src/ingest/joined.ts';
import { splitLines } from '../../src/ingest/lines.ts';
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

  it('by one <br> or \\n escape, or short: said when it starts as a session does (a command at a prompt, then mdb text)', () => {
    // Before: 016 joined by one tag or escape read as its shell line (1 parsed, the header after it
    // swallowed), and so did a session shorter than 120 characters joined by separators.
    const sample = readFileSync(new URL('../../fixtures/real/016-smartoslive-990-mdb-ke-findstack-threadname.txt', import.meta.url), 'utf8');
    const pair = sample.trimEnd().split('\n');
    for (const [text, said] of [
      [pair.join('<br>'), 'by 1 <br> tag (a page'],
      [pair.join('\\n'), 'by 1 \\n escape (text'],
      ['# mdb -k\u2028> kpreemptpri/D\u2028kpreemptpri:\u2028kpreemptpri:    100', 'by 3 Unicode line separators'],
      ['> kpreemptpri/D<br>kpreemptpri:<br>kpreemptpri:    100', 'by 2 <br> tags'],
    ] as const) {
      expect(text.length < 120 || text.includes('mdb -ke')).toBe(true);
      const a = analyzeText(text);
      expect(a.accounting, text).toEqual({ lines: 1, parsed: 0, prose: 0, unrecognized: 1 });
      expect(a.diagnostics[0]?.message).toContain(said);
    }
  });

  it('by many tags or escapes, when only its first line tells (a ::threadlist header, then rows)', () => {
    const sample = readFileSync(new URL('../../fixtures/real/002-rfd96-threadlist-threadnames.txt', import.meta.url), 'utf8').trimEnd();
    for (const text of [sample.split('\n').join('<br>'), JSON.stringify(sample).slice(1, -1)]) {
      expect(analyzeText(text).diagnostics[0]?.message).toMatch(/^mdb output joined onto one line by \d+ (<br> tags|\\n escapes)/);
    }
  });

  it('not a command line with escapes of its own: printf feeding mdb, ::printf, a C string', () => {
    // printf's commands are mdb's input, not a session's lines: before, this read as a transcript
    // joined by 5 escapes, and said so.
    const printf = "# printf '::status\\n::cpuinfo -v\\n::walk thread | ::findstack -v\\n::threadlist -v\\n::stacks -m zfs\\n' | mdb -k /var/crash/volatile/unix.0 vmcore.0 > out.txt";
    expect(printf.length).toBeGreaterThanOrEqual(120);
    expect(joinedTranscript(printf)).toBeNull();
    expect(analyzeText(printf).accounting).toEqual({ lines: 1, parsed: 1, prose: 0, unrecognized: 0 });
    expect(joinedTranscript("printf '::status\\n::cpuinfo -v\\n::threadlist\\n::stacks\\n' > cmds")).toBeNull();
    expect(joinedTranscript('> ::printf "%d\\n%d\\n%d\\n" a b c')).toBeNull();
    expect(joinedTranscript('> ::printf "%d\\n" kpreemptpri')).toBeNull();
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

describe('a text known to hold no join', () => {
  it('is told by holdsNoJoins, which no form of a join gets past', () => {
    // The seed's `Author: Bryan Cantrill <bryan@joyent.com>` holds no tag.
    expect(holdsNoJoins(seed)).toBe(true);
    for (const join of ['\u2028', '\u2029', '\v', '\\n', '<br>', '<BR/>', '<Br />', '<br >', '&#8232;', '&lt;br&gt;']) expect(holdsNoJoins(`a${join}b`), join).toBe(false);
    expect(holdsNoJoins('<-- here, <b>bold</b>, <br')).toBe(true);
  });

  it('reads as it does when each line is looked at (analyzeStream assumes nothing)', async () => {
    const dir = new URL('../../fixtures/real/', import.meta.url);
    const texts = [seed, ...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'))];
    const joinedToo = texts.flatMap((t) => [t, t.split('\n').join('<br>'), t.split('\n').join('\u2028'), JSON.stringify(t).slice(1, -1)]);
    const view = (a: Awaited<ReturnType<typeof analyzeStream>>) => JSON.stringify([a.accounting, a.sections.map((s) => [s.kind, s.command, s.startLine, s.endLine]), a.diagnostics]);
    let free = 0;
    for (const t of joinedToo) {
      if (holdsNoJoins(t)) free++;
      const lines = splitLines(t);
      async function* one() {
        yield lines;
      }
      expect(view(analyzeText(t))).toBe(view(await analyzeStream(one())));
    }
    expect(free).toBeGreaterThan(10);
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
