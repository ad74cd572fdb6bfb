// A shell prompt with nothing typed after it ends the mdb output before it (the session went back
// to the shell), and kmdb's own messages inside output are its warnings, not the output's lines.
// Both from real reports: smartos-live issue 574 (`mdb -e '::status; $C' 0` then the prompt) left
// the prompt unrecognized as a frame; illumos-omnios issue 1229 (kmdb's start-up banner after a
// panic) left `kmdb: unable to determine terminal type` unrecognized inside the panic.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { isBareShellPrompt } from '../../src/ingest/prompt.ts';

describe('isBareShellPrompt', () => {
  it('takes a prompt that names a user at a host, bracketed or user@host:dir', () => {
    for (const l of ['[root@headnode (BASEMENT) /var/crash/volatile]#', '[root@h ~]# ', 'root@omnios:~#', 'jdoe@build:/var/crash$', '  [admin@zone1 /]%']) expect(isBareShellPrompt(l)).toBe(true);
  });
  it('leaves lines that end in #, $ or % for other reasons', () => {
    for (const l of ['#', '$', '# ', 'ffffff01d3e32580$', 'mail me at jdoe@example.com #', 'see [jdoe@x] then #', 'root@omnios:~# mdb -k', '50%', 'a@b:c d#', '[root@h ~', '@:#']) expect(isBareShellPrompt(l)).toBe(false);
  });
});

describe('a session that goes back to the shell', () => {
  const transcript = [
    "[root@headnode (BASEMENT) /var/crash/volatile]# mdb -e '::status; $C' 0",
    'debugging crash dump vmcore.0 (64-bit) from headnode',
    'operating system: 5.11 joyent_20151223T094457Z (i86pc)',
    'ffffff002f332a70 fss_update_list+0x7a(3)',
    'ffffff002f332c30 thread_start+8()',
    '[root@headnode (BASEMENT) /var/crash/volatile]#',
  ];
  it('reads the prompt after the output as the session line it is', () => {
    const a = analyzeText(transcript.join('\n'));
    expect(a.diagnostics).toEqual([]);
    expect(a.accounting).toEqual({ lines: 6, parsed: 6, prose: 0, unrecognized: 0 });
    // Before: the prompt was read as a seventh line of the frames, and refused.
    expect(a.sections.map((s) => [s.kind, s.startLine, s.endLine])).toEqual([
      ['status', 2, 3],
      ['frames', 4, 5],
    ]);
  });
});

describe("kmdb's own messages inside output", () => {
  it('are taken as its warnings, like mdb: lines', () => {
    const text = [
      'panic[cpu14]/thread=fffffe2d84560880: assertion failed: p->p_brand_data == NULL, file: ../../common/os/brand.c, line: 1191',
      '',
      'fffffe004040faf0 unix:brand_solaris_setbrand+5a ()',
      'fffffe004040fef0 unix:thread_start+b ()',
      '',
      'panic: entering debugger (continue to save dump)',
      '',
      'Welcome to kmdb',
      "kmdb: unable to determine terminal type: assuming `vt100'",
      'Loaded modules: [ scsi_vhci unix krtld genunix ]',
    ].join('\n');
    const a = analyzeText(text);
    expect(a.diagnostics).toEqual([]);
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.snapshot.panic?.cpu).toBe(14);
  });
});
