// Linux kernel text pasted where illumos mdb output was expected: a hung-task report or a sysrq
// task dump from a ZFS-on-Linux or KVM bug, which a triage batch meets next to illumos reports.
// Its stack lines are data-looking (hex addresses), so they are never silently prose; they are
// said to be Linux's, so the report does not call them mdb output it failed to read.
import { isHexDigits } from '../../grammar/common/numbers.ts';
import { bracketStamp } from './stamps.ts';

/** The diagnostic of such a line, one wording so a summary can tell it from a reading failure. */
export const LINUX_KERNEL_TEXT = 'Linux kernel text (a `[<addr>] func+off/size` stack or task dump), not illumos mdb output: playfair reads illumos only';

/** After `[ 12345.678901] ` (dmesg's stamp, prefix.ts), the line's text; the line itself when it has none. */
function afterDmesgStamp(line: string): string {
  const t = line.trimStart();
  const n = bracketStamp(t);
  return n > 0 ? t.slice(n).trimStart() : t;
}

/** `schedule+0x29/0x70` (maybe `? ` before it): Linux prints a symbol's size after its offset; mdb never does. */
function isSizedOffset(w: string): boolean {
  const plus = w.indexOf('+0x');
  if (plus <= 0) return false;
  const slash = w.indexOf('/0x', plus);
  return slash > plus + 3 && isHexDigits(w.slice(plus + 3, slash)) && isHexDigits(w.slice(slash + 3));
}

/**
 * Whether the line is Linux kernel text: a frame (`[<ffffffff81729059>] schedule+0x29/0x70`, or
 * `schedule+0x29/0x70 [spl]` as newer kernels print it), `Call Trace:`, or a hung-task report.
 */
export function isLinuxKernelLine(line: string): boolean {
  const t = afterDmesgStamp(line);
  if (t === 'Call Trace:' || t === '<TASK>' || t === '</TASK>') return true;
  if (t.startsWith('INFO: task ') && t.includes(' blocked for more than ')) return true;
  if (t.startsWith('[<')) {
    const end = t.indexOf('>]');
    return end > 2 && isHexDigits(t.slice(2, end));
  }
  const first = t.startsWith('? ') ? t.slice(2) : t;
  const sp = first.indexOf(' ');
  return isSizedOffset(sp < 0 ? first : first.slice(0, sp));
}
