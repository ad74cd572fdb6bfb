import { CstParser } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { allTokens, HexAddr, Newline } from './lexer.ts';

/** One address per line; a line is either empty or one HexAddr. */
class AddressParser extends CstParser {
  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }

  public addressLine = this.RULE('addressLine', () => {
    this.OPTION(() => this.CONSUME(HexAddr));
    this.OPTION2(() => this.CONSUME(Newline));
  });
}

export const addressParser = lazy(() => new AddressParser());
