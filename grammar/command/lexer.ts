// Tokens of an mdb command line (what the user typed after the prompt).
import { createToken, Lexer } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/ });
/** `::findstack`, `::print`: a dcmd invocation. */
export const DcmdName = createToken({ name: 'DcmdName', pattern: /::[A-Za-z_][A-Za-z0-9_.-]*/ });
/** `/D`, `/KKn`, `=K`: a format verb after an address. */
export const FormatVerb = createToken({ name: 'FormatVerb', pattern: /[/=][A-Za-z0-9+^-]*/ });
/** `$<bufctl_audit`, `$<<cpus`: an adb macro. */
export const MacroVerb = createToken({ name: 'MacroVerb', pattern: /\$<<?[A-Za-z0-9_.]+/ });
/** `$C`, `$c`, `$r`, `$q`, `$?`, with an optional count (`$c5`). */
export const Builtin = createToken({ name: 'Builtin', pattern: /\$[A-Za-z?][0-9]*/ });
/** `>g3`: assign dot to a variable (kmdb). */
export const AssignVar = createToken({ name: 'AssignVar', pattern: />[A-Za-z_][A-Za-z0-9_]*/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Quoted = createToken({ name: 'Quoted', pattern: /'[^']*'|"[^"]*"/ });
/** `!cmd`: the rest of the line goes to the shell. */
export const ShellEscape = createToken({ name: 'ShellEscape', pattern: /![^\n]*/ });
/**
 * An address expression or an argument: anything up to the next separator. A `->` inside it is a
 * member path (`cpu_disp->disp_maxrunpri`), not a variable assignment. The alternatives start
 * with different characters (a `-` is told apart by the one after it), so matching stays linear.
 */
export const Word = createToken({ name: 'Word', pattern: /(?:[^\s|,'"/=:$>!-]|-(?!>)|->)+/ });
/** A lone colon (breakpoint verbs `:c`, `:s`), kept as its own token so the lexer never stalls. */
export const Colon = createToken({ name: 'Colon', pattern: /:/ });

export const allTokens = [
  WhiteSpace,
  Pipe,
  DcmdName,
  MacroVerb,
  Builtin,
  FormatVerb,
  AssignVar,
  Comma,
  Quoted,
  ShellEscape,
  Word,
  Colon,
];

export const CommandLexer = lazy(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
