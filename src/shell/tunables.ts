// `NAME/D` (and /U /X /J /K /E /e) and `NAME::print [-dtx]` for a tunable the input showed: the
// value read back from the snapshot, printed as mdb prints a format command or a variable's
// value. Memory a snapshot does not hold is refused.
import { isSymbolName, type CommandStage } from '../../grammar/common/command-types.ts';
import { renderFormat, type FormatLetter } from '../render/format.ts';
import { isWriteStage } from '../../grammar/format/write.ts';
import { parseMdbBigInt } from '../../grammar/common/numbers.ts';
import { tunableType } from '../../illumos/index.ts';
import { printValueText } from '../render/print.ts';
import { getopts } from './getopts.ts';
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
  if (name === null || !isSymbolName(name) || st.count !== null || st.args.length > 0) return memory;
  const v = a.snapshot.tunables[name];
  if (v === undefined) {
    // `ffff/K` is an address (memory); `kpreemptpri/D` a symbol whose value the input did not show.
    return evalAddr(name).ok ? memory : fail(`${name}: this dump does not show its value (not in the input)`);
  }
  if (!LETTERS.includes(st.name)) return fail(`${name}/${st.name}: only the formats D, U, X, J, K, E and e are answered from a snapshot`);
  return { lines: asLines(renderFormat(name, st.name as FormatLetter, [v])) };
}

/** Whether `NAME::print` prints a tunable playfair reads (`kpreemptpri::print`) rather than a struct at an address. */
export function printsVariable(st: CommandStage): boolean {
  return st.verb === 'dcmd' && st.name === 'print' && st.addr !== null && tunableType(st.addr) !== null && !evalAddr(st.addr).ok;
}

/**
 * `kpreemptpri::print [-dtx] [pri_t]`: the variable's value alone, `-t` with its type before it, as
 * mdb prints a variable that is not a struct. `-a` needs the variable's address, which no paste shows.
 */
export function printTunable(a: Analysis, st: CommandStage): DcmdResult {
  const name = st.addr!;
  const g = getopts(st.args, { flags: 'adtx', valued: '' });
  if (!g.ok) return fail(`${g.error} (usage: NAME::print [-dtx] [type])`);
  const type = tunableType(name)!;
  const [typed, ...more] = g.opts.rest;
  if (typed !== undefined && typed !== type.name) return fail(`${name}::print ${typed}: ${name} is a ${type.name}; only its own type is answered from a snapshot`);
  if (more.length > 0) return fail(`${name}::print: ${name} is a ${type.name}, which has no members`);
  const v = a.snapshot.tunables[name];
  if (v === undefined) return fail(`${name}: this dump does not show its value (not in the input)`);
  if (g.opts.set.has('a')) return fail(`${name}::print -a: the dump does not show the address of ${name}`);
  const text = printValueText(type, v, { decimal: g.opts.set.has('d') && !g.opts.set.has('x') });
  return { lines: [g.opts.set.has('t') ? `${type.name} ${text}` : text] };
}
