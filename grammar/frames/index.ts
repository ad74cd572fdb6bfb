// Section reader for bare frame lines: `$C` (`fp func+off(args)`), `$c` and `::stack`
// (`func+off(args)`), `::stackregs`, and frames pasted with no command. One StackRecord per section.
import type { ISerializedGast } from '../common/chevrotain.ts';
import type { CommandStage } from '../common/command-types.ts';
import { normalizeAddr } from '../common/numbers.ts';
import { blankStackRecord } from '../common/stack-record.ts';
import type { Diagnostic, GrammarResult, SectionContext, SectionParser } from '../common/source.ts';
import type { StackRecord } from '../records.ts';
import { parseFramesLine } from './api.ts';
import { chosen, frameFromCst, sub } from './cst.ts';
import { framesParser } from './parser.ts';
import { firstProblem, isBlank, renumber } from './support.ts';

export { parseFramesLine } from './api.ts';

/** The last stage of the command line, where the output comes from. */
export function lastStage(ctx: SectionContext): CommandStage | null {
  const st = ctx.command?.stages;
  return st && st.length > 0 ? st[st.length - 1]! : null;
}

function sourceOf(stage: CommandStage | null): StackRecord['source'] {
  if (!stage) return 'frames';
  if (stage.verb === 'builtin' && stage.name.startsWith('$C')) return '$C';
  if (stage.verb === 'builtin' && stage.name.startsWith('$c')) return '$c';
  if (stage.verb === 'dcmd' && stage.name === 'stack') return 'stack';
  if (stage.verb === 'dcmd' && stage.name === 'stackregs') return 'stackregs';
  return 'frames';
}

export const parseFrames: SectionParser = (lines, ctx): GrammarResult => {
  const stage = lastStage(ctx);
  // The address typed before the command, as the brief asks (for `addr$C` mdb reads it as a frame pointer).
  const rec = blankStackRecord(lines[0]?.no ?? 0, sourceOf(stage), stage?.addr ? normalizeAddr(stage.addr) : null);
  const unrecognized: Diagnostic[] = [];
  const result: GrammarResult = { records: [], unrecognized, lexErrors: [], parseErrors: [] };
  let first = true;
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    const { cst, ...errors } = parseFramesLine(text);
    renumber(errors, no);
    result.lexErrors.push(...errors.lexErrors);
    result.parseErrors.push(...errors.parseErrors);
    const problem = firstProblem('frame', text, no, errors);
    if (problem) {
      unrecognized.push(problem);
      continue;
    }
    if (first) {
      rec.line = no;
      first = false;
    }
    const kind = chosen(cst);
    if (kind === 'frame') rec.frames.push(frameFromCst(sub(cst, 'frame')!, no));
    else if (kind === 'warning') rec.failure ??= text.trim();
  }
  if (rec.frames.length > 0 || rec.failure !== null) result.records.push(rec);
  return result;
};

/** Serialized grammar of a frame line, for railroad diagrams. */
export function framesProductions(): ISerializedGast[] {
  return framesParser.getSerializedGastProductions();
}
