// `::walk cpu`, `::walk thread`, `::stacks | ...` piped out: one address per line.
import { createToken, Lexer } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';

export const Newline = createToken({ name: 'Newline', pattern: /\n/ });
export const Blank = createToken({ name: 'Blank', pattern: /[ \t]+/, group: Lexer.SKIPPED });
/** `0xfffffffffbc486e0` (since 2013) or `fffffffffbc486e0` (before). */
export const HexAddr = createToken({ name: 'HexAddr', pattern: /(?:0x)?[0-9a-fA-F]+/ });
/** Anything else on a line: not an address. */
const Junk = createToken({ name: 'Junk', pattern: /[^\s]+/ });

export const allTokens = [Newline, Blank, HexAddr, Junk];
export const AddressLexer = lazy(() => new Lexer(allTokens, { positionTracking: 'full' }));
