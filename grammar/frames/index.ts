// Section reader for bare frame lines: `$C` (`fp func+off(args)`), `$c` and `::stack`
// (`func+off(args)`), `::stackregs`, and frames pasted with no command. One StackRecord per section.
import type { ISerializedGast } from '../common/chevrotain.ts';
import { lastStage, type CommandStage } from '../common/command-types.ts';
import { normalizeAddr } from '../common/numbers.ts';
import { blankStackRecord } from '../common/stack-record.ts';
import { emptyResult, type GrammarResult, type SectionParser } from '../common/source.ts';
import { guarded, readLine } from '../common/diagnostics.ts';
import { isBlank } from '../common/lines.ts';
import type { StackRecord } from '../records.ts';
import { parseFramesLine } from './api.ts';
import { frameFromCst, lonePointer } from './cst.ts';
import { framesParser } from './parser.ts';

export { parseFramesLine } from './api.ts';

function sourceOf(stage: CommandStage | null): StackRecord['source'] {
  if (!stage) return 'frames';
  if (stage.verb === 'builtin' && stage.name.startsWith('$C')) return '$C';
  if (stage.verb === 'builtin' && stage.name.startsWith('$c')) return '$c';
  if (stage.verb === 'dcmd' && stage.name === 'stack') return 'stack';
  if (stage.verb === 'dcmd' && stage.name === 'stackregs') return 'stackregs';
  return 'frames';
}

export const parseFrames: SectionParser = (lines, ctx): GrammarResult => {
  const stage = lastStage(ctx.command);
  // The address typed before the command, as the brief asks (for `addr$C` mdb reads it as a frame pointer).
  const rec = blankStackRecord(lines[0]?.no ?? 0, sourceOf(stage), stage?.addr ? normalizeAddr(stage.addr) : null);
  const result = emptyResult();
  const unrecognized = result.unrecognized;
  let first = true;
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    guarded(unrecognized, no, 'frame', () => {
      const r = readLine('frame', text, no, parseFramesLine);
      if (r.problem) {
        unrecognized.push(r.problem);
        return;
      }
      const c = r.cst.children;
      const lone = c.frame ? lonePointer(c.frame[0]!, 'frame') : null;
      if (lone !== null) {
        unrecognized.push({ line: no, col: text.length - text.trimStart().length + 1, message: lone });
        return;
      }
      if (first) {
        rec.line = no;
        first = false;
      }
      if (c.frame) rec.frames.push(frameFromCst(c.frame[0]!, no));
      else if (c.warning) rec.failure ??= text.trim();
    });
  }
  if (rec.frames.length > 0 || rec.failure !== null) result.records.push(rec);
  return result;
};

/** Serialized grammar of a frame line, for railroad diagrams. */
export function framesProductions(): ISerializedGast[] {
  return framesParser.getSerializedGastProductions();
}
