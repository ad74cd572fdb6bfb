// Tokens of `::cpuinfo [-v]` output. Lines are lexed one at a time, so a token's offset is its
// column. Every token is a whole blank-delimited word: patterns end in `(?![^ \t\r])`, and
// anything no other token claims is a `Word`, so the lexer itself never fails.
//
// Three things are told apart by column, not by text:
// - the margin's vertical bar (at CPUINFO_FLAGDELT) versus a block connector bar (further right);
// - a flag name (right-aligned to end at ID+ADDR width) versus a word elsewhere;
// - a CPU id (right-aligned in the first 3 columns) versus a priority in a `-v` block.
// The first two depend on the address width, so there is one lexer per width; the width-specific
// token types share a category that the parser consumes.
import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { ADDR_WIDTHS, type AddrWidth, CPUINFO_FLAGDELT, CPUINFO_FLAGWIDTH, CPUINFO_IDWIDTH, flagNameEnd } from './layout.ts';

/** A word end: a blank or the end of the line (no `$`: chevrotain rejects end anchors). CR is a blank: a stray one from a CRLF paste must not become part of a name. */
const END = '(?![^ \\t\\r])';
const word = (body: string): RegExp => new RegExp(body + END);

/** Column just past the whitespace-delimited word starting at `offset`. Linear in the word. */
function wordEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) break;
    i++;
  }
  return i;
}

function match(s: string): CustomPatternMatcherReturn {
  return [s] as CustomPatternMatcherReturn;
}

// Categories: what the parser asks for when several spellings are fine.
/** Anything that can be part of a process name (every word-like token). */
export const NameWord = createToken({ name: 'NameWord', pattern: Lexer.NA });
/** A run of hex digits: ADDR, FLG, THREAD. Digits-only words qualify. */
export const Hex = createToken({ name: 'Hex', pattern: Lexer.NA });
/** The `-v` margin's vertical bar (`|` at CPUINFO_FLAGDELT). Also a possible word of a process name. */
export const MarginBar = createToken({ name: 'MarginBar', pattern: Lexer.NA, categories: [NameWord] });
/** A CPU flag name in the `-v` margin (`RUNNING`, `READY`...), right-aligned in CPUINFO_FLAGWIDTH. */
export const FlagName = createToken({ name: 'FlagName', pattern: Lexer.NA, categories: [NameWord] });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });

function marginBarFor(w: AddrWidth): TokenType {
  const col = CPUINFO_FLAGDELT(w);
  return createToken({
    name: `MarginBar${w}`,
    pattern: {
      exec: (text: string, offset: number) =>
        offset === col && text.charCodeAt(offset) === 124 && wordEndAt(text, offset) === offset + 1 ? match('|') : null,
    },
    line_breaks: false,
    start_chars_hint: ['|'],
    categories: [MarginBar],
  });
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

function flagNameFor(w: AddrWidth): TokenType {
  const end = flagNameEnd(w);
  return createToken({
    name: `FlagName${w}`,
    pattern: {
      exec: (text: string, offset: number) => {
        const stop = wordEndAt(text, offset);
        if (stop !== end || stop - offset > CPUINFO_FLAGWIDTH) return null;
        for (let i = offset; i < stop; i++) {
          const c = text.charCodeAt(i);
          if (c < 65 || c > 90) return null;
        }
        return match(text.slice(offset, stop));
      },
    },
    line_breaks: false,
    start_chars_hint: UPPER,
    categories: [FlagName],
  });
}

const MarginBars: Record<AddrWidth, TokenType> = { 16: marginBarFor(16), 11: marginBarFor(11), 8: marginBarFor(8) };
const FlagNames: Record<AddrWidth, TokenType> = { 16: flagNameFor(16), 11: flagNameFor(11), 8: flagNameFor(8) };

// Every word-like token is also a NameWord: `u_comm` can hold any of these spellings.
/** A connector bar of the `-v` blocks (`|` beside the margin). */
export const BlockBar = createToken({ name: 'BlockBar', pattern: word('\\|'), categories: [NameWord] });
/** `<--+`: the first flag name's arrow to the margin bar. */
export const FlagArrow = createToken({ name: 'FlagArrow', pattern: word('<--\\+'), categories: [NameWord] });
/** `+-->`: opens the PIL block or the run-queue block. */
export const BlockArrow = createToken({ name: 'BlockArrow', pattern: word('\\+-->'), categories: [NameWord] });

const DIGITS = '0123456789'.split('');

/** `cpu_id`, `%3d`: a decimal word that ends at or past column 3 and starts in the first 3 columns. */
export const CpuId = createToken({
  name: 'CpuId',
  pattern: {
    exec: (text: string, offset: number) => {
      if (offset >= CPUINFO_IDWIDTH) return null;
      const stop = wordEndAt(text, offset);
      if (stop < CPUINFO_IDWIDTH) return null;
      for (let i = offset; i < stop; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57) return null;
      }
      return match(text.slice(offset, stop));
    },
  },
  line_breaks: false,
  start_chars_hint: DIGITS,
  categories: [NameWord],
});

/** SWITCH: `t-N` ticks since the CPU last switched (`t--N` when negative). */
export const SwitchTicks = createToken({ name: 'SwitchTicks', pattern: word('t--?[0-9]+'), categories: [NameWord] });
/** `(idle)`: the CPU runs its idle thread. */
export const Idle = createToken({ name: 'Idle', pattern: word('\\(idle\\)'), categories: [NameWord] });
/** `?`: mdb could not read the process. */
const Unreadable = createToken({ name: 'Unreadable', pattern: word('\\?'), categories: [NameWord] });

function keyword(name: string, text: string = name): TokenType {
  return createToken({ name, pattern: word(text), categories: [NameWord] });
}
// Header cells; PRI, THREAD, PROC and PIL also head the `-v` blocks.
export const Id = keyword('ID');
export const Addr = keyword('ADDR');
export const Flg = keyword('FLG');
export const Nrun = keyword('NRUN');
export const Bspl = keyword('BSPL');
export const Pri = keyword('PRI');
export const Rnrn = keyword('RNRN');
export const Krnrn = keyword('KRNRN');
export const Switch = keyword('SWITCH');
export const Thread = keyword('THREAD');
export const Proc = keyword('PROC');
export const Pil = keyword('PIL');
/** RNRN / KRNRN values. */
export const Yes = keyword('Yes', 'yes');
export const No = keyword('No', 'no');

/** Digits only: NRUN, BSPL, PRI, PIL; also a valid hex value. */
export const Decimal = createToken({ name: 'Decimal', pattern: word('[0-9]+'), categories: [Hex, NameWord] });
/** PRI of an idle thread (`-1`). */
export const NegDecimal = createToken({ name: 'NegDecimal', pattern: word('-[0-9]+'), categories: [NameWord] });
/** Hex digits with at least one letter (digits-only words are `Decimal`): addresses, FLG. */
export const HexAddr = createToken({ name: 'HexAddr', pattern: word('[0-9a-f]+'), categories: [Hex, NameWord] });
/** `-`: no value (PRI unreadable, SWITCH never, PROC no thread) or the pinned-thread marker. */
export const Dash = createToken({ name: 'Dash', pattern: word('-'), categories: [NameWord] });
/**
 * Start characters of a word, for the lexer's first-character dispatch (a complement set defeats
 * chevrotain's own analysis): every code unit below 256 but the blanks, and one per 256-block
 * above, which is how chevrotain buckets the rest.
 */
const ANY_WORD_START: number[] = [];
for (let c = 0; c < 65536; c += c < 256 ? 1 : 256) if (c !== 32 && c !== 9 && c !== 13) ANY_WORD_START.push(c);

/** Any other word (process names, garbage). */
export const Word = createToken({
  name: 'Word',
  pattern: /[^ \t\r]+/,
  start_chars_hint: ANY_WORD_START,
  categories: [NameWord],
});

const common: TokenType[] = [
  BlockBar,
  FlagArrow,
  BlockArrow,
  CpuId,
  SwitchTicks,
  Idle,
  Unreadable,
  Id,
  Addr,
  Flg,
  Nrun,
  Bspl,
  Pri,
  Rnrn,
  Krnrn,
  Switch,
  Thread,
  Proc,
  Pil,
  Yes,
  No,
  Decimal,
  NegDecimal,
  HexAddr,
  Dash,
  Word,
];

/** Every token type the parser knows, categories and all widths included. */
export const allTokens: TokenType[] = [
  NameWord,
  Hex,
  MarginBar,
  FlagName,
  WhiteSpace,
  ...ADDR_WIDTHS.map((w) => MarginBars[w]),
  ...ADDR_WIDTHS.map((w) => FlagNames[w]),
  ...common,
];

function lexerFor(w: AddrWidth): Lexer {
  // Header words come before flag names: on another width's header, FLG can sit where a flag name ends.
  const keywords = [Id, Addr, Flg, Nrun, Bspl, Pri, Rnrn, Krnrn, Switch, Thread, Proc, Pil];
  return new Lexer([WhiteSpace, MarginBars[w], ...keywords, FlagNames[w], ...common.filter((t) => !keywords.includes(t))], {
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
  });
}

/** One lexer per address width (the margin's columns depend on it). */
export const cpuinfoLexers: Record<AddrWidth, Lexer> = {
  16: lazy(() => lexerFor(16)),
  11: lazy(() => lexerFor(11)),
  8: lazy(() => lexerFor(8)),
};
