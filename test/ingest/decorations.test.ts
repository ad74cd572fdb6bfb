// Markup around pasted output, shell pipes after a command, dcmds with no grammar, and mdb's own
// lines (a wrapped module list, the stop banner), on hand-written fixtures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { Splitter, type RawSection } from '../../src/ingest/split.ts';
import { splitLines } from '../../src/ingest/lines.ts';
import { decorationOf, stripInlineTag } from '../../src/ingest/decoration.ts';
import { readPrompt } from '../../src/ingest/prompt.ts';
import type { LineClass } from '../../src/ingest/types.ts';
import type { StackRecord } from '../../grammar/records.ts';

const text = (name: string) => readFileSync(new URL(`../../fixtures/handwritten/reading/${name}`, import.meta.url), 'utf8');
const sectionsOf = (a: ReturnType<typeof analyzeText>) => a.sections.map((s) => [s.kind, s.command, s.startLine, s.endLine, s.status]);

function split(t: string) {
  const sections: RawSection[] = [];
  const classes = new Map<number, LineClass>();
  const s = new Splitter({ onSection: (x) => sections.push(x), onLine: (n, c) => classes.set(n, c) });
  splitLines(t).forEach((l, i) => s.push(i + 1, l));
  s.finish();
  return { sections, classes };
}

describe('Markdown fences, <pre>, Jira {noformat} and {code}', () => {
  const a = analyzeText(text('decorations.txt'));

  it('reads the output inside each block under its command, with no diagnostic', () => {
    expect(sectionsOf(a)).toEqual([
      ['findstack', 'ffffff0007e01c40::findstack -v', 4, 10, 'ok'],
      ['findstack', 'ffffff0007e1fc40::findstack -v', 13, 20, 'ok'],
      ['format', 'ffffff01dde41b90/D', 24, 25, 'ok'],
      ['frames', '$C ! demangle', 28, 29, 'ok'],
    ]);
    expect(a.diagnostics).toEqual([]);
  });

  it('counts the markup lines as prose, not output', () => {
    // 7 + 7 + 2 + 2 lines of commands and output; prose: 4 lines of writing and 8 of markup.
    expect(a.accounting).toEqual({ lines: 30, parsed: 18, prose: 12, unrecognized: 0 });
    const { classes } = split(text('decorations.txt'));
    for (const no of [3, 11, 14, 21, 23, 26, 27, 30]) expect(classes.get(no)).toBe('prose');
  });

  it('keeps both stacks and the demangled frame', () => {
    const t = a.snapshot.threads.find((x) => x.addr === 'ffffff0007e1fc40')!;
    expect(t.stack!.map((f) => f.func)).toEqual(['_resume_from_idle', 'swtch', 'cv_wait', 'squeue_worker', 'thread_start']);
    const s = a.records.find((r) => r.kind === 'stack' && r.source === '$C') as StackRecord;
    expect(s.frames).toEqual([
      { fp: 'fffffc7fffdfe9f0', func: 'std::vector<int, std::allocator<int> >::push_back(int const&)', offset: 0x66, args: ['1', '2'], line: 29 },
    ]);
  });

  it('tells markup lines apart', () => {
    expect(['```', '```text', '~~~', '{noformat}', '{code}', '{code:none}', '<pre>', '</pre>', '[code]'].map(decorationOf)).toEqual([
      'toggle',
      'toggle',
      'toggle',
      'toggle',
      'toggle',
      'toggle',
      'open',
      'close',
      'open',
    ]);
    expect(['``', '```a b', '{code} x', '<pre>x', '> ::cpuinfo'].map(decorationOf)).toEqual([null, null, null, null, null]);
    // Org-mode's blocks, in either case: `#+END_EXAMPLE` after output was one unrecognized line of it.
    expect(['#+BEGIN_EXAMPLE', '#+begin_src sh', '#+END_SRC', '#+end_example', '#+TITLE: hang', '#+BEGIN_EXAMPLEx y z'].map(decorationOf)).toEqual([
      'open',
      'open',
      'close',
      'close',
      null,
      null,
    ]);
    expect(stripInlineTag('<pre>> ::cpuinfo')).toEqual({ text: '> ::cpuinfo', tag: 'open' });
    expect(stripInlineTag('  ffffff0007e01c30 thread_start+8()</pre>')).toEqual({ text: '  ffffff0007e01c30 thread_start+8()', tag: 'close' });
    expect(stripInlineTag('```> ::cpuinfo -v')).toEqual({ text: '> ::cpuinfo -v', tag: 'open' });
    expect(stripInlineTag('0xffffff01dde41b90:             -6618541```')).toEqual({ text: '0xffffff01dde41b90:             -6618541', tag: 'close' });
    // Inline code in a sentence, a fence of four, a fence alone: none is a fence stuck to output.
    expect(['run ```::cpuinfo -v``` first', '```::cpuinfo -v```', '````x', 'x````', '```'].map(stripInlineTag)).toEqual([null, null, null, null, null]);
  });

  it('reads a chat code block whose fences are stuck to the prompt and to the last output line', () => {
    // Slack keeps ``` on the lines it opens and closes; before, the value read `-6618541```` and was lost.
    const b = analyzeText(['```> ffffff01dde41b90/D', '0xffffff01dde41b90:             -6618541```', 'That is negative.'].join('\n'));
    expect(sectionsOf(b)).toEqual([['format', 'ffffff01dde41b90/D', 1, 2, 'ok']]);
    expect(b.accounting).toEqual({ lines: 3, parsed: 2, prose: 1, unrecognized: 0 });
  });

  it('reads a <pre> tag stuck to the prompt and to the last output line', () => {
    const b = analyzeText(['<pre>> ffffff01dde41b90/D', '0xffffff01dde41b90:             -6618541</pre>', 'That is negative.'].join('\n'));
    expect(sectionsOf(b)).toEqual([['format', 'ffffff01dde41b90/D', 1, 2, 'ok']]);
    expect(b.accounting).toEqual({ lines: 3, parsed: 2, prose: 1, unrecognized: 0 });
  });
});


describe('a Jira mark stuck to the first or last line of the output ({noformat}  ID ADDR ...)', () => {
  const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
  const view = (a: ReturnType<typeof analyzeText>) => ({
    threads: a.snapshot.threads.map((t) => t.addr),
    cpus: a.snapshot.cpus.map((c) => c.id),
    findings: a.findings.map((f) => [f.rule, f.severity]),
    unrecognized: a.accounting.unrecognized,
  });

  it('strips the mark: an opening one with or without attributes, a closing {noformat} or {code}', () => {
    expect(stripInlineTag('{noformat}> ::cpuinfo -v')).toEqual({ text: '> ::cpuinfo -v', tag: 'open' });
    expect(stripInlineTag('{code:title=mdb.txt}            ADDR    STATE')).toEqual({ text: '            ADDR    STATE', tag: 'open' });
    expect(stripInlineTag('stack pointer for thread fffffe59fa7f2b60 (cat/1): fffffe007ac808e0{noformat}')).toEqual({
      text: 'stack pointer for thread fffffe59fa7f2b60 (cat/1): fffffe007ac808e0',
      tag: 'close',
    });
    // A ::print brace, a mark alone (decorationOf's), a mark that is not Jira's.
    expect(['    }', '{noformat}', '{code}', '{nocode}text'].map(stripInlineTag)).toEqual([null, null, null, null]);
  });

  it('the deadlock fixture opened by {noformat} on its first line keeps its critical verdict (it was high)', () => {
    const plain = fixture('handwritten/waits/deadlock-two-mutex-panic.txt');
    const a = analyzeText('{noformat}' + plain);
    expect(view(a)).toEqual(view(analyzeText(plain)));
    expect(a.findings.map((f) => [f.rule, f.severity])).toEqual([['deadlock', 'critical']]);
  });

  it('real sample 016 between {noformat} marks stuck to both lines reads its thread (the stack header was unrecognized)', () => {
    const plain = fixture('real/016-smartoslive-990-mdb-ke-findstack-threadname.txt');
    const a = analyzeText('{noformat}' + plain.replace(/\n$/, '') + '{noformat}\n');
    expect(view(a)).toEqual(view(analyzeText(plain)));
    expect(a.snapshot.threads.map((t) => [t.addr, t.desc])).toEqual([['fffffe59fa7f2b60', 'cat/1']]);
  });
});
describe('prompts that pipe to the shell', () => {
  it('are commands whose output is read by the grammar of the mdb part', () => {
    const cmd = (l: string) => {
      const p = readPrompt(l);
      return p?.type === 'command' ? [p.command, p.parsed.stages.map((s) => s.name)] : p;
    };
    expect(cmd('> $C ! demangle')).toEqual(['$C ! demangle', ['$C']]);
    expect(cmd('> ::walk thread | ::findstack ! head -3')).toEqual(['::walk thread | ::findstack ! head -3', ['walk', 'findstack']]);
    // `!=` inside quotes or an expression is not a pipe.
    expect(cmd("> ::grep '.!=0'")).toEqual(["::grep '.!=0'", ['grep']]);
  });

  it('keeps the output after the pipe in its section', () => {
    const a = analyzeText(
      [
        '> ::walk thread | ::findstack ! head -3',
        'stack pointer for thread ffffff0007e01c40: ffffff0007e01b60',
        '[ ffffff0007e01b60 _resume_from_idle+0xf1() ]',
        '  ffffff0007e01b90 swtch+0x1e6()',
      ].join('\n'),
    );
    expect(sectionsOf(a)).toEqual([['findstack', '::walk thread | ::findstack ! head -3', 1, 4, 'ok']]);
    expect(a.snapshot.threads.find((t) => t.addr === 'ffffff0007e01c40')!.stack!.map((f) => f.func)).toEqual(['_resume_from_idle', 'swtch']);
  });
});

describe('dcmds with no grammar', () => {
  it('keep their tabular output in their own section, each line said to be unread (::ps and ::mutex now have grammars)', () => {
    const a = analyzeText(text('unknown-dcmds.txt'));
    expect(a.sections.slice(0, 4).map((s) => [s.kind, s.command, s.startLine, s.endLine, s.status])).toEqual([
      ['ps', '::ps', 3, 7, 'ok'],
      ['ps', '::pgrep qemu', 8, 10, 'ok'],
      ['mutex', 'fffffe5a3d0b1c10::mutex', 11, 13, 'ok'],
      ['unknown', '::kmastat ! head -5', 14, 19, 'unknown'],
    ]);
    // `-` cells and rows of counts are not sentences: the ::mutex and ::kmastat rows stay output.
    const unread = a.diagnostics.filter((d) => d.line <= 19).map((d) => d.line);
    expect(unread).toEqual([15, 16, 17, 18, 19]);
    expect(a.diagnostics.find((d) => d.line === 18)!.message).toBe('no grammar reads output of "::kmastat ! head -5"');
  });

  it('keeps ::help text, blank lines and all, in the section until the writing after it', () => {
    const { sections, classes } = split(text('unknown-dcmds.txt'));
    const help = sections.find((s) => s.command === '::help findstack')!;
    expect(help.body.map((l) => l.no)).toEqual([23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37]);
    expect(classes.get(39)).toBe('prose');
  });

  it('after reading, the ::help text stays output of its section: its last lines are not excused as prose', () => {
    const a = analyzeText(text('unknown-dcmds.txt'));
    const help = a.sections.find((s) => s.command === '::help findstack')!;
    expect([help.kind, help.status, help.endLine]).toEqual(['unknown', 'unknown', 37]);
    // Every non-blank line of the help text is unread output with its diagnostic, the last one too.
    const unread = new Set(a.diagnostics.map((d) => d.line));
    for (let no = 23; no <= 37; no++) if (a.lines[no - 1]!.trim() !== '') expect(unread.has(no)).toBe(true);
  });
});

describe("mdb's own lines", () => {
  it('reads a wrapped Loading modules list, :c and the stop banner with its location', () => {
    const a = analyzeText(text('mdb-own-lines.txt'));
    expect(a.accounting).toEqual({ lines: 11, parsed: 11, prose: 0, unrecognized: 0 });
    expect(sectionsOf(a)).toEqual([
      ['cpuinfo', '::cpuinfo', 5, 7, 'ok'],
      ['unknown', ':c', 8, 8, 'unknown'],
      ['unknown', '$q', 11, 11, 'unknown'],
    ]);
    expect(a.snapshot.cpus.map((c) => c.id)).toEqual([0]);
  });

  it('does not take words after a finished module list for modules', () => {
    const { classes } = split(['Loading modules: [ unix genunix ]', 'then it hung'].join('\n'));
    expect(classes.get(1)).toBe('parsed');
    expect(classes.get(2)).toBe('prose');
  });
});
