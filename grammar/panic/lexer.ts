// Tokens of console panic text (as the console, `::msgbuf` or syslog show it):
// `panic[cpu14]/thread=ADDR: message`, `panic: ...`, the process name and trap lines, stack
// trace lines `ffffff003d0073b0 unix:die+10f ()`. Register rows are read by the registers grammar.
import { createToken, Lexer, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { isWordChar, runMatcher } from '../common/matchers.ts';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });

/** Every token: the free text of a panic message. */
export const AnyText = createToken({ name: 'AnyText', pattern: Lexer.NA });

function wordChar(c: number): boolean {
  return isWordChar(c) || c === 46 /* . */ || c === 36 /* $ */ || c === 96 /* ` */ || c === 43 /* + */ || c === 45 /* - */;
}
const START = [...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.$`+-'];

export const Word = createToken({ name: 'Word', pattern: runMatcher(wordChar), line_breaks: false, start_chars_hint: START, categories: [AnyText] });
export const Panic = createToken({ name: 'Panic', pattern: /panic/, longer_alt: Word, categories: [AnyText] });
/** `cpu14` inside `panic[cpu14]`. */
export const CpuRef = createToken({ name: 'CpuRef', pattern: /cpu[0-9]+/, longer_alt: Word, categories: [AnyText] });
export const ThreadKw = createToken({ name: 'ThreadKw', pattern: /thread/, longer_alt: Word, categories: [AnyText] });
/** `BAD` and `TRAP` of `BAD TRAP: type=e (#pf Page fault) ...`, the trap message that may come alone. */
export const BadKw = createToken({ name: 'BadKw', pattern: /BAD/, longer_alt: Word, categories: [AnyText] });
export const TrapKw = createToken({ name: 'TrapKw', pattern: /TRAP/, longer_alt: Word, categories: [AnyText] });
export const LSquare = createToken({ name: 'LSquare', pattern: '[', categories: [AnyText] });
export const RSquare = createToken({ name: 'RSquare', pattern: ']', categories: [AnyText] });
export const Slash = createToken({ name: 'Slash', pattern: '/', categories: [AnyText] });
export const Equals = createToken({ name: 'Equals', pattern: '=', categories: [AnyText] });
export const Colon = createToken({ name: 'Colon', pattern: ':', categories: [AnyText] });
export const LParen = createToken({ name: 'LParen', pattern: '(', categories: [AnyText] });
export const RParen = createToken({ name: 'RParen', pattern: ')', categories: [AnyText] });
export const Comma = createToken({ name: 'Comma', pattern: ',', categories: [AnyText] });
/** `#gp General protection`: the trap's mnemonic. */
export const Hash = createToken({ name: 'Hash', pattern: '#', categories: [AnyText] });
export const Other = createToken({ name: 'Other', pattern: /[!-~\u00a0-\uffff]/, categories: [AnyText] });

export const allTokens: TokenType[] = [
  WhiteSpace,
  AnyText,
  CpuRef,
  ThreadKw,
  BadKw,
  TrapKw,
  Panic,
  Word,
  LSquare,
  RSquare,
  Slash,
  Equals,
  Colon,
  LParen,
  RParen,
  Comma,
  Hash,
  Other,
];

export const panicLexer = lazy(() => new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true }));
