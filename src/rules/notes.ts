// Notes for a rule that has no CPUs to look at: saying why (no `::cpuinfo` at all, or one that was
// found but could not be read) so a reader is not told the input lacks what it plainly has.
import type { RuleContext, RuleNote } from './types.ts';

/** "No ::cpuinfo output in the input: <what>." or, when a ::cpuinfo section was seen but not read, says that. */
export function noCpusNote(ctx: RuleContext, rule: string, what: string): RuleNote {
  const seen = ctx.sectionsSeen?.get('cpuinfo') ?? 0;
  // Sections of a second dump are not judged (model/dumps.ts), nor counted in sectionsSeen.
  const input = (ctx.snapshot.otherDumps?.length ?? 0) > 0 ? 'first dump' : 'input';
  if (seen > 0) {
    return {
      rule,
      message:
        `The ${input} has ${seen === 1 ? 'a ::cpuinfo section' : `${seen} ::cpuinfo sections`}, but no CPU could be read from ` +
        `${seen === 1 ? 'it' : 'them'} (see the diagnostics): ${what}`,
    };
  }
  return { rule, message: `No ::cpuinfo output in the ${input}: ${what}` };
}
