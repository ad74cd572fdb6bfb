// Tokens of `::threadlist` and `::threadlist -v`. The free-text parts (the CMD/LWPID column, the
// text after `THREAD:`/`TASKQ:`/`CMD:`) are read as one token each. The embedded findstack
// blocks of `-v` are read by the findstack grammar.
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { frameTokens, HexAddr, SymbolName } from '../frames/lexer.ts';

function column(name: string, label: string): TokenType {
  return createToken({ name: label, pattern: name, longer_alt: SymbolName });
}

export const AddrColumn = column('ADDR', 'AddrColumn');
export const ProcColumn = column('PROC', 'ProcColumn');
export const LwpColumn = column('LWP', 'LwpColumn');
export const CmdLwpidColumn = createToken({ name: 'CmdLwpidColumn', pattern: /CMD\/LWPID/ });
export const ClsColumn = column('CLS', 'ClsColumn');
export const PriColumn = column('PRI', 'PriColumn');
export const WchanColumn = column('WCHAN', 'WchanColumn');

export const PcLabel = createToken({ name: 'PcLabel', pattern: /PC:/ });
/** Pre-2018 `-v` trailers after the PC: `THREAD: startfn()`, `TASKQ: name`, `CMD: psargs`. */
export const ThreadLabel = createToken({ name: 'ThreadLabel', pattern: /THREAD:/ });
export const TaskqLabel = createToken({ name: 'TaskqLabel', pattern: /TASKQ:/ });
export const CmdLabel = createToken({ name: 'CmdLabel', pattern: /CMD:/ });

function restOfLine(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (' \t\r'.includes(text[offset] ?? ' ')) return null; // let WhiteSpace take the gap first
  let end = text.length;
  while (end > offset && ' \t\r'.includes(text[end - 1]!)) end--;
  return end > offset ? [text.slice(offset, end)] : null;
}

/** Free text after a trailer label, to the end of the line. */
export const TrailerText = createToken({
  name: 'TrailerText',
  pattern: {
    exec: (text: string, offset: number, tokens: IToken[]) => {
      const prev = tokens[tokens.length - 1]?.tokenType;
      return prev === ThreadLabel || prev === TaskqLabel || prev === CmdLabel ? restOfLine(text, offset) : null;
    },
  },
  line_breaks: false,
});

/** The CMD/LWPID column of a plain row (`sched/1`, `tq:kmem_move_taskq`, `bhyve/50 [vcpu 27]`). */
export const RowDesc = createToken({
  name: 'RowDesc',
  pattern: {
    exec: (text: string, offset: number, tokens: IToken[]) =>
      tokens.length === 3 && tokens.every((t) => t.tokenType === HexAddr) ? restOfLine(text, offset) : null,
  },
  line_breaks: false,
});

const common: TokenType[] = [
  PcLabel,
  ThreadLabel,
  TaskqLabel,
  CmdLabel,
  TrailerText,
  CmdLwpidColumn,
  AddrColumn,
  ProcColumn,
  LwpColumn,
  ClsColumn,
  PriColumn,
  WchanColumn,
];

/** `plain` reads the CMD/LWPID column as free text; `verbose` reads CLS PRI WCHAN as numbers. */
export const threadlistLexer = lazy(() => new Lexer(
  {
    modes: {
      verbose: [...common, ...frameTokens],
      plain: [...common, RowDesc, ...frameTokens],
    },
    defaultMode: 'verbose',
  },
  { positionTracking: 'onlyOffset', ensureOptimizations: false },
));

export const threadlistTokens: TokenType[] = [...common, RowDesc, ...frameTokens];
