// `::thread` line grammar: a header line (column names), a value line, or an `mdb:` warning.
// Which values belong to which columns is decided by the header, in index.ts.
import { CstParser, type CstNode, type ParserMethod } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { MdbWarning } from '../frames/lexer.ts';
import { ColumnName, threadTokens, Value } from './lexer.ts';

class ThreadParser extends CstParser {
  constructor() {
    super(threadTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  public headerLine: ParserMethod<[], CstNode> = this.RULE('headerLine', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(ColumnName));
  });

  public valueLine: ParserMethod<[], CstNode> = this.RULE('valueLine', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(Value));
  });

  public threadLine: ParserMethod<[], CstNode> = this.RULE('threadLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.headerLine) },
      { ALT: () => this.SUBRULE(this.valueLine) },
      { ALT: () => this.CONSUME(MdbWarning) },
    ]);
  });
}

export const threadParser = lazy(() => new ThreadParser());
