// Linux kernel text is told apart from mdb's by what only Linux prints: `[<addr>]` before a frame,
// a symbol's size after its offset (`+0x29/0x70`), `Call Trace:`, the hung-task line. mdb's own
// frames, stack headers and kmdb prompts must never pass for it.
import { describe, expect, it } from 'vitest';
import { isLinuxKernelLine } from '../../src/ingest/linux.ts';

describe('isLinuxKernelLine', () => {
  it('takes Linux frames, old and new, with or without a dmesg stamp, and the trace and hung-task lines', () => {
    for (const l of [
      ' [<ffffffff8182c5f5>] schedule+0x35/0x80',
      '[12345.678915]  [<ffffffff81729059>] schedule+0x29/0x70',
      '  cv_wait_common+0x10b/0x140 [spl]',
      '  ? __schedule+0x2c3/0x870',
      'Call Trace:',
      '[ 2417.123456] Call Trace:',
      ' <TASK>',
      'INFO: task txg_sync:1234 blocked for more than 120 seconds.',
    ]) {
      expect(isLinuxKernelLine(l), l).toBe(true);
    }
  });

  it("leaves mdb's frames, stack headers, kmdb prompts and prose alone", () => {
    for (const l of [
      '  ffffff0007e01b90 swtch+0x1e6()',
      '[ ffffff0007e01b60 _resume_from_idle+0xf1() ]',
      'fffffe00f5d8e780 unix:die+c6 ()',
      '[0]> ::cpuinfo -v',
      '[1]> $C',
      'stack pointer for thread ffffff01d5a600c0: ffffff0007f3c9d0',
      '                 cv_wait+0x7f',
      'a ratio of 0x10/0x20 in the text',
      'size+0x/0x10',
      '[<zz>] f+0x1/0x2',
    ]) {
      expect(isLinuxKernelLine(l), l).toBe(false);
    }
  });
});
