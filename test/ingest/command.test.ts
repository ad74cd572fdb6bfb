import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../grammar/command/index.ts';
import { isCommandLine, readPrompt } from '../../src/ingest/prompt.ts';
import { analyzeText } from '../../src/analyze.ts';

describe('mdb command lines', () => {
  it('reads an address-prefixed dcmd with flags', () => {
    const c = parseCommandLine('ffffff0007e01c40::findstack -v');
    expect(c?.stages).toEqual([{ addr: 'ffffff0007e01c40', count: null, verb: 'dcmd', name: 'findstack', args: ['-v'] }]);
  });

  it('reads pipelines stage by stage (the output belongs to the last)', () => {
    const c = parseCommandLine('ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft');
    expect(c?.stages.map((s) => [s.addr, s.name, s.args])).toEqual([
      ['ffffff01d5a600c0', 'print', ['kthread_t', 't_cldata']],
      [null, 'print', ['-a', 'tsproc_t', 'ts_timeleft']],
    ]);
  });

  it('reads format verbs, counts, macros and builtins', () => {
    expect(parseCommandLine('ffffff01dde41b90/D')?.stages[0]).toMatchObject({ addr: 'ffffff01dde41b90', verb: 'format', name: 'D' });
    expect(parseCommandLine('0x70a9ae00,5/KKn')?.stages[0]).toMatchObject({ addr: '0x70a9ae00', count: '5', name: 'KKn' });
    expect(parseCommandLine('0x70ae3200$<bufctl_audit')?.stages[0]).toMatchObject({ verb: 'macro', name: 'bufctl_audit' });
    expect(parseCommandLine('$C')?.stages[0]).toMatchObject({ verb: 'builtin', name: '$C' });
    expect(parseCommandLine("7079ceb0::print -t 'struct scsi_pkt'")?.stages[0]?.args).toEqual(['-t', 'struct scsi_pkt']);
  });

  it('keeps member paths with -> as one argument', () => {
    const c = parseCommandLine('ffffff01d3e32580::print cpu_t cpu_disp->disp_maxrunpri cpu_runrun');
    expect(c?.stages[0]?.args).toEqual(['cpu_t', 'cpu_disp->disp_maxrunpri', 'cpu_runrun']);
    expect(parseCommandLine('0>g3')?.stages[0]).toMatchObject({ verb: 'builtin', name: '>g3' });
  });

  it('treats an address alone as a repeat of the previous command', () => {
    expect(parseCommandLine('<g3')?.stages[0]).toMatchObject({ verb: 'repeat', addr: '<g3' });
  });

  it('rejects text that is not a command', () => {
    expect(parseCommandLine('I think this is wrong')).toBeNull();
    expect(parseCommandLine('')).toBeNull();
    expect(parseCommandLine('foo | bar')).toBeNull();
    expect(parseCommandLine('x'.repeat(5000))).toBeNull();
  });
});

describe('shell lines that feed mdb its command with echo', () => {
  const commandOf = (l: string) => {
    const p = readPrompt(l);
    return p === null ? null : p.type === 'command' ? [p.command, p.style] : p.type;
  };

  it('take the echoed text as the command, quoted or not, a pipe inside the quotes included', () => {
    expect(commandOf("# echo '::cpuinfo -v' | mdb -k")).toEqual(['::cpuinfo -v', 'shell']);
    expect(commandOf('echo ::cpuinfo -v | mdb -k')).toEqual(['::cpuinfo -v', 'shell']);
    expect(commandOf("root@host:~# echo 'kpreemptpri/W 0t99' | mdb -kw")).toEqual(['kpreemptpri/W 0t99', 'shell']);
    expect(commandOf("$ echo '::walk thread | ::findstack -v' | pfexec mdb -k")).toEqual(['::walk thread | ::findstack -v', 'shell']);
    expect(commandOf('[root@h ~]# echo "::status" | mdb -k')).toEqual(['::status', 'shell']);
  });

  it('not when something else feeds the pipe or a person wrote the line', () => {
    expect(commandOf('# cat cmds | mdb -k')).toBeNull();
    expect(commandOf('I ran echo foo | mdb -k to see')).toBeNull();
    expect(commandOf("# echo 'unclosed | mdb -k")).toBeNull();
  });

  it('the output after it is read as that command, a write included', () => {
    const a = analyzeText("# echo 'kpreemptpri/W 0t99' | mdb -kw\nkpreemptpri:    0x64            =       0x63\n");
    expect(a.accounting).toEqual({ lines: 2, parsed: 2, prose: 0, unrecognized: 0 });
    expect(a.sections.map((s) => [s.command, s.kind])).toEqual([['kpreemptpri/W 0t99', 'format']]);
    expect(a.snapshot.tunables).toEqual({ kpreemptpri: 99 });
  });
});

describe('commands shown without a prompt (a rendered Markdown quote, a report that writes them out)', () => {
  const bare = (l: string) => {
    const p = readPrompt(l);
    return p !== null && p.type === 'command' && p.style === 'bare' ? p.command : null;
  };

  it('take a dcmd, a pipeline, a format, a macro or a stack builtin at column 0', () => {
    expect(bare('::cpuinfo -v')).toBe('::cpuinfo -v');
    expect(bare('ffffff0007e01c40::findstack -v')).toBe('ffffff0007e01c40::findstack -v');
    expect(bare('ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft')).toBe(
      'ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft',
    );
    expect(bare('::walk thread | ::findstack -v ! head -40')).toBe('::walk thread | ::findstack -v ! head -40');
    expect(bare('kpreemptpri::print')).toBe('kpreemptpri::print');
    expect(bare('kpreemptpri/D')).toBe('kpreemptpri/D');
    expect(bare('ffffff01dde41b90/D')).toBe('ffffff01dde41b90/D');
    expect(bare('0x70ae3200$<bufctl_audit')).toBe('0x70ae3200$<bufctl_audit');
    expect(bare('$<cpus')).toBe('$<cpus');
    expect(bare('ffffff0007e01c40$C')).toBe('ffffff0007e01c40$C');
  });

  it('not words, paths, C++ names, sentences, or an indented line', () => {
    for (const l of [
      'std::vector is used here',
      'Foo::bar() crashed',
      'I/O',
      'N/A',
      'and/or',
      'a/b',
      'TCP/IP stack',
      '12/25/2020',
      'usr/src/uts/common/disp/disp.c',
      '$HOME/foo',
      '::cpuinfo -v shows the CPU state of every processor',
      '  ::cpuinfo -v',
      'kpreemptpri=D',
      '0xffffff01dde41b90:             -6618541',
      'panic[cpu1]/thread=ffffff01d5a600c0: BAD TRAP: type=e (#pf Page fault)',
    ]) {
      expect(bare(l), l).toBeNull();
    }
  });

  it('say nothing of a session, so they teach no prefix', () => {
    expect(isCommandLine('::cpuinfo -v', false)).toBe(false);
    expect(isCommandLine('::cpuinfo -v', true)).toBe(false);
    expect(isCommandLine('> ::cpuinfo -v', true)).toBe(true);
  });

  it('end the output before them and start their own', () => {
    const a = analyzeText(
      [
        'The waiting threads:',
        'ffffff0007e01c40::findstack -v',
        'stack pointer for thread ffffff0007e01c40: ffffff0007e01b60',
        '  ffffff0007e01b90 swtch+0x1e6()',
        'ffffff0007e1fc40::findstack -v',
        'stack pointer for thread ffffff0007e1fc40: ffffff0007e1fb60',
        '  ffffff0007e1fb90 swtch+0x1e6()',
      ].join('\n'),
    );
    expect(a.accounting).toEqual({ lines: 7, parsed: 6, prose: 1, unrecognized: 0 });
    expect(a.sections.map((s) => [s.command, s.kind, s.startLine, s.endLine])).toEqual([
      ['ffffff0007e01c40::findstack -v', 'findstack', 2, 4],
      ['ffffff0007e1fc40::findstack -v', 'findstack', 5, 7],
    ]);
    expect(a.snapshot.threads.map((t) => [t.addr, t.stack?.map((f) => f.func)])).toEqual([
      ['ffffff0007e01c40', ['swtch']],
      ['ffffff0007e1fc40', ['swtch']],
    ]);
  });
});

describe('shell lines whose quotes a word processor curled', () => {
  it('read the command inside the curly pair as inside straight quotes', () => {
    const cmd = (l: string) => {
      const p = readPrompt(l);
      return p !== null && p.type === 'command' ? p.command : null;
    };
    expect(cmd('# mdb -ke \u2018::cpuinfo -v\u2019')).toBe('::cpuinfo -v');
    expect(cmd('# mdb -ke \u201c::cpuinfo -v\u201d')).toBe('::cpuinfo -v');
    expect(cmd('# echo \u2018::walk thread | ::findstack -v\u2019 | mdb -k')).toBe('::walk thread | ::findstack -v');
  });
});

describe('a prompt mdb was given with -P or ::set -P (`mdb> `, a host name and `> `)', () => {
  it('reads the command after it as the one after `> `', () => {
    expect(readPrompt('mdb> ::cpuinfo -v')).toMatchObject({ type: 'command', command: '::cpuinfo -v', style: 'mdb' });
    expect(readPrompt('chrufs.example.com> ffffff01dde41b90/D')).toMatchObject({ type: 'command', command: 'ffffff01dde41b90/D' });
    expect(readPrompt('kmdb> $C')).toMatchObject({ type: 'command', command: '$C' });
  });

  it('not a mail quote whose words hold no command as one is written without a prompt', () => {
    for (const line of ['RM> I ran ::cpuinfo and it hung', 'Note> see ::cpuinfo', 'JD> and/or', 'x> ffffff01dde41b90', '1a> ::cpuinfo', 'mdb>::cpuinfo']) {
      expect(readPrompt(line), line).toBeNull();
    }
  });

  it('reads the seed so prompted as it reads with `> `', () => {
    // Before: 0 critical and 0 high. The `::print` and `/D` output lost their commands, so the
    // running thread's ts_timeleft was read from nothing, and the findings it backs were gone.
    const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
    const view = (a: ReturnType<typeof analyzeText>) => [a.accounting, a.sections.map((s) => [s.kind, s.command, s.startLine]), a.findings.map((f) => `${f.rule}:${f.severity}`)];
    expect(view(analyzeText(seed.replace(/^> /gm, 'mdb> ')))).toEqual(view(analyzeText(seed)));
  });
});

describe('commands a `;` separates on one line (mdb runs them in turn)', () => {
  it('are the line\'s command and then the rest, cut outside quotes and before a shell pipe', () => {
    const p = readPrompt('> ::cpuinfo -v; ::walk thread | ::findstack -v');
    expect(p).toMatchObject({ type: 'command', command: '::cpuinfo -v', then: [{ command: '::walk thread | ::findstack -v' }] });
    expect(readPrompt('> ::cpuinfo -v;')).toEqual(readPrompt('> ::cpuinfo -v'));
    expect(readPrompt('> ::stacks ! grep a; wc')).toMatchObject({ command: '::stacks ! grep a; wc' });
    expect(readPrompt('> ::stacks ! grep a; wc')).not.toHaveProperty('then');
    expect(readPrompt('> I did this; then that')).toBeNull();
    expect(readPrompt("# mdb -ke '::status; ::cpuinfo -v'")).toMatchObject({ type: 'shell', fed: [{ command: '::status' }, { command: '::cpuinfo -v' }] });
  });

  it('give each output the command that printed it', () => {
    // Before: the line was one command, `::cpuinfo` with `-v;` and `ffffff01dde41b90/D` among its
    // arguments; the /D output after the CPUs had no command, so ts_timeleft was not read from it.
    const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8').split('\n');
    const text = ['> ::cpuinfo -v; ffffff01dde41b90/D', ...seed.slice(51, 75), seed[81]!].join('\n');
    const a = analyzeText(text);
    expect(a.accounting).toEqual({ lines: 26, parsed: 26, prose: 0, unrecognized: 0 });
    expect(a.sections.map((s) => [s.kind, s.command, s.startLine])).toEqual([
      ['cpuinfo', '::cpuinfo -v', 1],
      ['format', 'ffffff01dde41b90/D', 26],
    ]);
    expect(a.snapshot.cpus).toHaveLength(2);
  });
});
