// Tokens of `::findstack [-v]` output: the `stack pointer for thread` line, the bracketed saved-PC
// line, frame lines, `Possible stack pointers` lists, and interleaved `mdb:` warnings.
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { frameTokens, HexAddr } from '../frames/lexer.ts';

export const StackPointerFor = createToken({ name: 'StackPointerFor', pattern: /stack pointer for thread/ });
export const PossibleStackPointers = createToken({
  name: 'PossibleStackPointers',
  pattern: /Possible stack pointers for thread/,
});
export const TsFree = createToken({ name: 'TsFree', pattern: /\(TS_FREE\)/ });

/**
 * The 2018+ thread description, parentheses included: `(bhyve/1 [mevent])`, `(cat/1)`,
 * `(mac_soft_ring_worker())`, `()`. Its text is free-form (it may hold parentheses, spaces and
 * colons), so it runs to the last `)` before the line's final `:`. Only tried right after the
 * thread address (or ` (TS_FREE)`) of a `stack pointer for thread` line.
 */
function matchThreadDesc(text: string, offset: number, tokens: IToken[]): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 40 /* ( */) return null;
  const n = tokens.length;
  if (n < 2 || tokens[0]!.tokenType !== StackPointerFor) return null;
  const prev = tokens[n - 1]!.tokenType;
  if (prev !== HexAddr && prev !== TsFree) return null;
  const colon = text.lastIndexOf(':');
  if (colon <= offset) return null;
  let k = colon - 1;
  while (k > offset && (text[k] === ' ' || text[k] === '\t')) k--;
  if (text[k] !== ')') return null;
  return [text.slice(offset, k + 1)];
}

export const ThreadDesc = createToken({
  name: 'ThreadDesc',
  pattern: { exec: matchThreadDesc },
  line_breaks: false,
  start_chars_hint: ['('],
});

export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });

export const findstackTokens: TokenType[] = [
  StackPointerFor,
  PossibleStackPointers,
  TsFree,
  ThreadDesc,
  Colon,
  LBracket,
  RBracket,
  ...frameTokens,
];

export const findstackLexer = lazy(() => new Lexer(findstackTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false }));
