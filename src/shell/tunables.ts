// `NAME/D` (and /U /X /J /K /E /e) for a tunable the input showed: the value read back from the
// snapshot, printed as mdb prints a format command. Memory a snapshot does not hold is refused.
import type { CommandStage } from '../../grammar/common/command-types.ts';
import { renderFormat, type FormatLetter } from '../render/format.ts';
import { isWriteStage } from '../../grammar/format/write.ts';
import { parseMdbBigInt } from '../../grammar/common/numbers.ts';
import type { Analysis } from '../analysis.ts';
import { evalAddr } from './target.ts';
import { asLines, fail, type DcmdResult } from './types.ts';

const LETTERS: readonly string[] = ['D', 'U', 'X', 'J', 'K', 'E', 'e'];

export function formatTunable(a: Analysis, st: CommandStage): DcmdResult {
  const name = st.addr;
  // A snapshot is what the dump showed: there is nothing to write to; the simulator tries a value.
  if (isWriteStage(st)) {
    const value = parseMdbBigInt(st.args[0]!, 16);
    return fail(`${name ?? ''}/${st.name}: a snapshot cannot be written; \`playfair sim --what-if ${name ?? 'NAME'}=${value} FILE\` simulates the dump with it`);
  }
  const memory = fail(`${name ?? ''}${st.count === null ? '' : ',' + st.count}/${st.name}: formats read memory; a snapshot answers only NAME/D of a tunable the input showed`);
  if (name === null || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || st.count !== null || st.args.length > 0) return memory;
  const v = a.snapshot.tunables[name];
  if (v === undefined) {
    // `ffff/K` is an address (memory); `kpreemptpri/D` a symbol whose value the input did not show.
    return evalAddr(name).ok ? memory : fail(`${name}: this dump does not show its value (not in the input)`);
  }
  if (!LETTERS.includes(st.name)) return fail(`${name}/${st.name}: only the formats D, U, X, J, K, E and e are answered from a snapshot`);
  return { lines: asLines(renderFormat(name, st.name as FormatLetter, [v])) };
}
