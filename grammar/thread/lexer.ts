// Tokens of `::thread [-ipbsdm]`: column names (some hold a space: `SOBJ OPS`, `SIG PEND`) and
// values, which never hold spaces (`sleep`, `n/a`, `t-6620612`, `-`, hex).
import { createToken, Lexer, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { MdbWarning, WhiteSpace } from '../frames/lexer.ts';

export const ColumnName = createToken({ name: 'ColumnName', pattern: Lexer.NA });

/** Column names by option group, in the order mdb prints the groups (`thread.c`). */
export const COLUMN_GROUPS = {
  p: ['PROC', 'LWP', 'CRED'],
  i: ['STATE', 'FLG', 'PFLG', 'SFLG', 'PRI', 'EPRI', 'PIL', 'INTR'],
  b: ['WCHAN', 'TS', 'PITS', 'SOBJ OPS'],
  s: ['SIGQUEUE', 'SIG PEND', 'SIG HELD'],
  d: ['DISPTIME', 'BOUND', 'PR', 'SWITCH'],
} as const;

export type ColumnGroup = keyof typeof COLUMN_GROUPS;

function columnToken(name: string): TokenType {
  // a name ends at whitespace or the end of the line, so `PR` never takes the front of `PRI`
  const pattern = new RegExp(name + '(?!\\S)');
  return createToken({ name: 'Col_' + name.replace(' ', '_'), pattern, categories: [ColumnName] });
}

export const AddrColumn = columnToken('ADDR');
const names = Object.values(COLUMN_GROUPS).flat();
const columnTokens: TokenType[] = [AddrColumn, ...names.map(columnToken)];

/** Any other run of non-blank characters. */
export const Value = createToken({ name: 'Value', pattern: /\S+/ });

export const threadTokens: TokenType[] = [WhiteSpace, MdbWarning, ColumnName, ...columnTokens, Value];

export const threadLexer = lazy(() => new Lexer(threadTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false }));
