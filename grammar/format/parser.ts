// Grammar of one line of `/` or `=` format output: `[label:] value*`.
import { CstParser } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { AddressLabel, allTokens, Value } from './lexer.ts';

class FormatParser extends CstParser {
  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }

  /** A labelled row (`0xffffff01dde41b90:  -6618541`), a symbol line (`kpreemptpri:`), or a row of values indented 16. */
  public formatLine = this.RULE('formatLine', () => {
    this.OPTION(() => this.CONSUME(AddressLabel));
    this.MANY(() => this.CONSUME(Value));
  });
}

export const formatParser = lazy(() => new FormatParser());
