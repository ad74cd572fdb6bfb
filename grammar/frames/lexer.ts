// Tokens of an mdb stack frame line: `[fp ]func[+off][(args)]`. Shared by every stack grammar.
// Every pattern is a single character class run (or a literal), so lexing stays linear even on
// a 10,000-character line of hex digits or `+0x` repeats.
import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { matchDemangled } from './demangled.ts';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });

/** A warning mdb wrote to stderr (`mdb: couldn't read ...`), interleaved with the output. */
export const MdbWarning = createToken({ name: 'MdbWarning', pattern: /mdb:.*/ });

/** `...` or `…`: an author's elision in a design doc or bug report, not mdb output. */
export const Elision = createToken({ name: 'Elision', pattern: /\.\.\.|\u2026/ });

/** A symbol-less address as `%a` prints it (`0xfffffffffb84c873`). */
export const HexLiteral = createToken({ name: 'HexLiteral', pattern: /0[xX][0-9a-fA-F]+/ });

/** A symbol, module-qualified as printed (`swtch`, `LMfd\`libc.so.1\`poll`, `_ZN7CorUnix...`). */
export const SymbolName = createToken({ name: 'Symbol', pattern: /[A-Za-z_.$][\w.$`]*/ });

/**
 * Bare hex digits: frame pointers, thread addresses, `%lr` arguments, LWP ids. A word that starts
 * with hex letters but goes on as a symbol (`cv_wait`) becomes a Symbol through longer_alt.
 */
export const HexAddr = createToken({ name: 'HexAddr', pattern: /[0-9a-fA-F]+/, longer_alt: SymbolName });

const NAME_START = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.$<~('];

/**
 * A demangled C++ or Rust name (`ns::f<T>(int)`, `<A as B>::f`, `f::{{closure}}`), with a leading
 * `~` when the frame was tail-called. Tried before the other names; plain C symbols fall through.
 */
export const DemangledName = createToken({
  name: 'DemangledName',
  pattern: { exec: (text: string, offset: number) => matchDemangled(text, offset) as CustomPatternMatcherReturn | null },
  line_breaks: false,
  start_chars_hint: NAME_START,
});

/** The offset part of `%a`: `+0x1e6`, `+8`, `-0x10`. */
export const SymbolOffset = createToken({ name: 'SymbolOffset', pattern: /[+-](?:0[xX])?[0-9a-fA-F]+/ });

export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });

/** Tokens of a frame, in match order. Grammars that add literals put them before these. */
export const frameTokens: TokenType[] = [
  WhiteSpace,
  MdbWarning,
  Elision,
  DemangledName,
  HexLiteral,
  HexAddr,
  SymbolName,
  SymbolOffset,
  LParen,
  RParen,
  Comma,
];

export const framesLexer = lazy(() => new Lexer(frameTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false }));
