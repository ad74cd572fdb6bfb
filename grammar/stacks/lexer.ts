// Tokens of `::stacks` output (kernel and userland): the header, group lines
// (`THREAD STATE SOBJ COUNT`), `%a` frame lines, `<reason>` failures and `... truncated ...`.
import { createToken, Lexer, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { frameTokens, SymbolName } from '../frames/lexer.ts';

function column(name: string): TokenType {
  return createToken({ name: name[0] + name.slice(1).toLowerCase() + 'Column', pattern: name, longer_alt: SymbolName });
}

export const ThreadColumn = column('THREAD');
export const StateColumn = column('STATE');
export const SobjColumn = column('SOBJ');
export const CountColumn = column('COUNT');

/** `<NONE>` in the SOBJ column, or a whole `<thread not in memory>` failure line. */
export const AngleText = createToken({ name: 'AngleText', pattern: /<[^<>]*>/ });
/** SOBJ `??`: the sync-object ops could not be read. */
export const UnknownSobj = createToken({ name: 'UnknownSobj', pattern: /\?\?/ });
/** The last line of a stack deeper than mdb keeps. */
export const Truncated = createToken({ name: 'Truncated', pattern: /\.\.\. truncated \.\.\./ });
/** `INVAL/ff`: an unknown state value. */
export const Slash = createToken({ name: 'Slash', pattern: /\// });
/** COUNT `-` on the member rows of `::stacks -a`. */
export const Dash = createToken({ name: 'Dash', pattern: /-/ });

export const stacksTokens: TokenType[] = [
  ThreadColumn,
  StateColumn,
  SobjColumn,
  CountColumn,
  AngleText,
  UnknownSobj,
  Truncated,
  Slash,
  ...frameTokens,
  Dash,
];

export const stacksLexer = lazy(() => new Lexer(stacksTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false }));
