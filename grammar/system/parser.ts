// Grammar of one `::system` line.
import { CstParser, type IOrAlt } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import * as t from './lexer.ts';

class SystemParser extends CstParser {
  /** OR alternatives built once (rule bodies run on every parse). */
  private readonly alts: Record<number, IOrAlt<unknown>[]> = {};

  constructor() {
    super(t.allTokens);
    this.performSelfAnalysis();
  }

  /** `set ufs_ninode=0x9c40 [0t40000]` */
  public systemLine = this.RULE('systemLine', () => {
    this.CONSUME(t.Set);
    this.CONSUME(t.Word, { LABEL: 'name' });
    this.CONSUME(t.Operator);
    this.OR((this.alts[1] ??= [{ ALT: () => this.CONSUME2(t.Word, { LABEL: 'value' }) }, { ALT: () => this.CONSUME(t.Quoted, { LABEL: 'value' }) }]));
    this.OPTION(() => {
      this.CONSUME(t.LSquare);
      this.CONSUME3(t.Word, { LABEL: 'decimal' });
      this.CONSUME(t.RSquare);
    });
  });
}

export const systemParser = lazy(() => new SystemParser());
