// Tokens of `::status` output: the `debugging ... (64-bit) from host` line and `key: value` lines.
import { createToken, Lexer, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { runMatcher } from '../common/matchers.ts';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });

/** Every token: what a value after `key:` may contain (it is free text, e.g. a panic message). */
export const AnyText = createToken({ name: 'AnyText', pattern: Lexer.NA });

function wordChar(c: number): boolean {
  return c > 32 && c < 127 && c !== 58 && c !== 40 && c !== 41;
}
const START: string[] = [];
for (let c = 33; c < 127; c++) if (wordChar(c)) START.push(String.fromCharCode(c));

/** A run of printable ASCII other than `:` and parentheses. */
export const Word = createToken({
  name: 'Word',
  pattern: runMatcher(wordChar),
  line_breaks: false,
  start_chars_hint: START,
  categories: [AnyText],
});
/** Any other printable character (non-ASCII text in a value). */
export const Other = createToken({ name: 'Other', pattern: /[\u00a0-\uffff]/, categories: [AnyText] });
export const Debugging = createToken({ name: 'Debugging', pattern: /debugging/, longer_alt: Word, categories: [AnyText] });
/** `(64-bit)`, `(32-bit)`: the target's data model. */
export const Bits = createToken({ name: 'Bits', pattern: /\([0-9]+-bit\)/, categories: [AnyText] });
export const From = createToken({ name: 'From', pattern: /from/, longer_alt: Word, categories: [AnyText] });
export const On = createToken({ name: 'On', pattern: /on/, longer_alt: Word, categories: [AnyText] });
export const Colon = createToken({ name: 'Colon', pattern: ':', categories: [AnyText] });
export const LParen = createToken({ name: 'LParen', pattern: '(', categories: [AnyText] });
export const RParen = createToken({ name: 'RParen', pattern: ')', categories: [AnyText] });

export const allTokens: TokenType[] = [WhiteSpace, AnyText, Bits, LParen, RParen, Colon, Debugging, From, On, Word, Other];

export const statusLexer = lazy(() => new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true }));
