// Section reader for `::findstack` / `::findstack -v`, one StackRecord per thread block.
import type { ISerializedGast } from '../common/chevrotain.ts';
import { hasOption, lastStage } from '../common/command-types.ts';
import { readLine, tooLong } from '../common/diagnostics.ts';
import { isBlank } from '../common/lines.ts';
import { emptyResult, internalDiagnostic, internalError, type GrammarResult, type SectionContext, type SectionParser } from '../common/source.ts';
import type { StackRecord } from '../records.ts';
import { parseFindstackLine } from './api.ts';
import { fastFrameLine, fastSavedPc, fastThreadHeader } from '../frames/fast.ts';
import { FindstackAssembler } from './assemble.ts';
import { findstackParser } from './parser.ts';

export { parseFindstackLine } from './api.ts';
export { FindstackAssembler, threadInWarning } from './assemble.ts';

/** 'findstack-v' / 'findstack' when the command line says, else null (decided per block). */
function findstackSource(ctx: SectionContext): StackRecord['source'] | null {
  const st = lastStage(ctx.command);
  if (!st || st.verb !== 'dcmd' || st.name !== 'findstack') return null;
  return hasOption(st, 'v') ? 'findstack-v' : 'findstack';
}

export const parseFindstack: SectionParser = (lines, ctx): GrammarResult => {
  const asm = new FindstackAssembler(findstackSource(ctx));
  const result = emptyResult();
  const unrecognized = result.unrecognized;
  const shape = ctx.frameDetail === 'shape';
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    // Safety net inline, not through guarded(): this loop runs once per frame of the largest dumps.
    try {
      const long = tooLong('findstack', no, text);
      if (long) {
        unrecognized.push(long);
        continue;
      }
      // Canonical lines take the fast path; anything else, and every doubt, goes to the grammar.
      const frame = fastFrameLine(text, no, shape);
      if (frame !== null) {
        asm.feedFrame(frame);
        continue;
      }
      const header = fastThreadHeader(text);
      if (header !== null) {
        asm.feedHeader(header, no);
        continue;
      }
      const saved = fastSavedPc(text);
      if (saved !== null) {
        asm.feedSavedPc(saved, no);
        continue;
      }
      const r = readLine('findstack', text, no, parseFindstackLine);
      const problem = r.problem ?? asm.feed(r.cst, no, text);
      if (problem) unrecognized.push(problem);
    } catch (e) {
      unrecognized.push(internalDiagnostic(no, 1, 'reading this findstack line', internalError(e)));
    }
  }
  result.records = asm.finish();
  return result;
};

/** Serialized grammar of a findstack line, for railroad diagrams. */
export function findstackProductions(): ISerializedGast[] {
  return findstackParser.getSerializedGastProductions();
}
