// Grammar of one `::status` line.
import { CstParser, type IOrAlt } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import * as t from './lexer.ts';

class StatusParser extends CstParser {
  /** OR alternatives built once (rule bodies run on every parse). */
  private readonly alts: Record<number, IOrAlt<unknown>[]> = {};

  constructor() {
    super(t.allTokens);
    this.performSelfAnalysis();
  }

  public statusLine = this.RULE('statusLine', () => {
    this.OR((this.alts[1] ??= [{ ALT: () => this.SUBRULE(this.debuggingLine) }, { ALT: () => this.SUBRULE(this.keyValueLine) }]));
  });

  /** `debugging crash dump vmcore.0 (64-bit) from host`, `debugging live kernel (64-bit) on host`. */
  public debuggingLine = this.RULE('debuggingLine', () => {
    this.CONSUME(t.Debugging);
    this.AT_LEAST_ONE(() => this.CONSUME(t.Word, { LABEL: 'target' }));
    this.CONSUME(t.Bits);
    this.OPTION(() => {
      this.OR((this.alts[2] ??= [{ ALT: () => this.CONSUME(t.From) }, { ALT: () => this.CONSUME(t.On) }]));
      this.CONSUME2(t.Word, { LABEL: 'host' });
    });
  });

  /** `operating system: 5.11 ...`, `panic message: ...`, `image uuid: (not set)`. */
  public keyValueLine = this.RULE('keyValueLine', () => {
    this.AT_LEAST_ONE(() =>
      this.OR((this.alts[3] ??= [
        { ALT: () => this.CONSUME(t.Word, { LABEL: 'key' }) },
        { ALT: () => this.CONSUME(t.From, { LABEL: 'key' }) },
        { ALT: () => this.CONSUME(t.On, { LABEL: 'key' }) },
      ])),
    );
    this.CONSUME(t.Colon);
    this.MANY(() => this.CONSUME(t.AnyText, { LABEL: 'value' }));
  });
}

export const statusParser = lazy(() => new StatusParser());
