// Tokens of one `::print` output line: member declarations (`[addr] [type] name`), ` = `, and the
// value shapes mdb_print.c prints (numbers, symbols, chars, strings, arrays, enums, `{ ... }`).
import { createToken, Lexer, type ITokenConfig, type TokenPattern, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { isWordChar, runMatcher } from '../common/matchers.ts';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });

/** Every token except parentheses: what may stand inside `(...)` after `???` or an enum value. */
export const ParenContent = createToken({ name: 'ParenContent', pattern: Lexer.NA });

function tok(name: string, pattern: TokenPattern, extra: Partial<ITokenConfig> = {}): TokenType {
  return createToken({ name, pattern, categories: [ParenContent], ...extra });
}

/** An identifier, a bare number or hex address, a symbol (``mod`sym``): mdb prints them all as word runs. */
export const Word = tok('Word', runMatcher((c) => isWordChar(c) || c === 36 /* $ */ || c === 96 /* ` */), {
  line_breaks: false,
  start_chars_hint: [...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$`'],
});
/** `0x...`: integers (the default radix) and pointers with no symbol. */
export const HexLiteral = tok('HexLiteral', /0[xX][0-9a-fA-F]+/, { longer_alt: Word });
/** `0t...`: decimal under `-d` and enum values above 9. */
export const DecimalLiteral = tok('DecimalLiteral', /0[tT][0-9]+/, { longer_alt: Word });
/** `1.0000000e+00`: float and double members. */
export const FloatLiteral = tok('FloatLiteral', /[0-9]+\.[0-9]+[eE][+-][0-9]+/);
/** The `sizeof (type) = N` line that `::sizeof` prints before a `-t` listing. */
export const Sizeof = tok('Sizeof', /sizeof/, { longer_alt: Word });

/**
 * `'a'`, `'''`, `'\0'`, `'\024'`, `'\n'`: mdb quotes one character, escaping only what C
 * must (a quote inside is printed as is), so the literal is one character or one escape.
 */
function charLiteral(text: string, offset: number): [string] | null {
  if (text.charCodeAt(offset) !== 39) return null;
  if (text.charCodeAt(offset + 1) === 92 /* \ */) {
    const lim = Math.min(text.length, offset + 7);
    for (let i = offset + 3; i < lim; i++) if (text.charCodeAt(i) === 39) return [text.slice(offset, i + 1)];
    return null;
  }
  return offset + 2 < text.length && text.charCodeAt(offset + 2) === 39 ? [text.slice(offset, offset + 3)] : null;
}

/**
 * `"sched"`: mdb prints char arrays and `char *` text raw between quotes (no escapes), and the
 * text is always last on its line, so the literal runs to the line's last quote.
 */
function stringLiteral(text: string, offset: number): [string] | null {
  if (text.charCodeAt(offset) !== 34) return null;
  const last = text.lastIndexOf('"');
  return last > offset ? [text.slice(offset, last + 1)] : null;
}

/** `'\024'`, `'\0'`, `'a'`: a signed char member. */
export const CharLiteral = tok('CharLiteral', charLiteral, { line_breaks: false, start_chars_hint: ["'"] });
/** `"sched"`: a char array or the text a `char *` points at. */
export const StringLiteral = tok('StringLiteral', stringLiteral, { line_breaks: false, start_chars_hint: ['"'] });

export const Ellipsis = tok('Ellipsis', '...');
export const Arrow = tok('Arrow', '->');
/** `<<` and `>>`: around `<<HOLE>>` (`-h`) and a base type (`-T`). */
export const HoleOpen = tok('HoleOpen', '<<');
export const HoleClose = tok('HoleClose', '>>');
export const LAngle = tok('LAngle', '<');
export const RAngle = tok('RAngle', '>');
export const LCurly = tok('LCurly', '{');
export const RCurly = tok('RCurly', '}');
export const LSquare = tok('LSquare', '[');
export const RSquare = tok('RSquare', ']');
export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
export const Comma = tok('Comma', ',');
export const Equals = tok('Equals', '=');
export const Star = tok('Star', '*');
export const Pipe = tok('Pipe', '|');
export const Colon = tok('Colon', ':');
export const Semicolon = tok('Semicolon', ';');
export const Plus = tok('Plus', '+');
export const Minus = tok('Minus', '-');
export const Dot = tok('Dot', '.');
export const Question = tok('Question', '?');
/** Any other single character: only readable inside `(...)` (error texts after `???`). */
export const Other = tok('Other', /[!-~\u00a0-\uffff]/);

export const allTokens: TokenType[] = [
  WhiteSpace,
  ParenContent,
  Ellipsis,
  Arrow,
  HoleOpen,
  HoleClose,
  LAngle,
  RAngle,
  LCurly,
  RCurly,
  LSquare,
  RSquare,
  LParen,
  RParen,
  Comma,
  Equals,
  Star,
  Pipe,
  Colon,
  Semicolon,
  Plus,
  Minus,
  Dot,
  Question,
  CharLiteral,
  StringLiteral,
  FloatLiteral,
  HexLiteral,
  DecimalLiteral,
  Sizeof,
  Word,
  Other,
];

export const printLexer = lazy(() => new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true }));
