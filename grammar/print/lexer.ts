// Tokens of one `::print` output line: member declarations (`[addr] [type] name`), ` = `, and the
// value shapes mdb_print.c prints (numbers, symbols, chars, strings, arrays, enums, `{ ... }`).
import { createToken, Lexer, type ITokenConfig, type TokenPattern, type TokenType } from 'chevrotain';
import { isWordChar, runMatcher } from './support.ts';

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

function quoted(q: number) {
  // Scans a C-escaped literal to its closing quote on the same line; no backtracking.
  return (text: string, offset: number): [string] | null => {
    if (text.charCodeAt(offset) !== q) return null;
    let i = offset + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) i += 2;
      else if (c === q) return [text.slice(offset, i + 1)];
      else if (c === 10) return null;
      else i++;
    }
    return null;
  };
}

/** `'\024'`, `'\0'`, `'a'`: a signed char member. */
export const CharLiteral = tok('CharLiteral', quoted(39), { line_breaks: false, start_chars_hint: ["'"] });
/** `"sched"`: a char array or the text a `char *` points at. */
export const StringLiteral = tok('StringLiteral', quoted(34), { line_breaks: false, start_chars_hint: ['"'] });

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

export const printLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });
