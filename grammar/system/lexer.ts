// Tokens of `::system` output: `set [module:]name=value [0tN]` (the /etc/system tunables in effect).
import { createToken, Lexer, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { isWordChar, runMatcher } from '../common/matchers.ts';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });
const START = [...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'];

/** `ufs_ninode`, `zfs:zfs_arc_max`, `0x9c40`, `0t40000`. */
export const Word = createToken({
  name: 'Word',
  pattern: runMatcher((c) => isWordChar(c) || c === 58 /* : */ || c === 46 /* . */),
  line_breaks: false,
  start_chars_hint: START,
});
export const Set = createToken({ name: 'Set', pattern: /set/, longer_alt: Word });
/** `=`, or `|` / `&` for the OR and AND forms of `set`. */
export const Operator = createToken({ name: 'Operator', pattern: /[=|&]/ });
export const Quoted = createToken({ name: 'Quoted', pattern: /"[^"\n]*"/ });
export const LSquare = createToken({ name: 'LSquare', pattern: '[' });
export const RSquare = createToken({ name: 'RSquare', pattern: ']' });
export const Other = createToken({ name: 'Other', pattern: /[!-~\u00a0-\uffff]/ });

export const allTokens: TokenType[] = [WhiteSpace, Set, Word, Operator, Quoted, LSquare, RSquare, Other];

export const systemLexer = lazy(() => new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true }));
