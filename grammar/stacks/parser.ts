// `::stacks` line grammar; groups are assembled from the line kinds in index.ts.
import { type CstNode, type ParserMethod } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { FrameRules } from '../frames/parser.ts';
import { HexAddr, SymbolName } from '../frames/lexer.ts';
import {
  AngleText,
  CountColumn,
  Dash,
  SobjColumn,
  stacksTokens,
  StateColumn,
  Slash,
  ThreadColumn,
  Truncated,
  UnknownSobj,
} from './lexer.ts';

class StacksParser extends FrameRules {
  constructor() {
    super(stacksTokens);
    this.performSelfAnalysis();
  }

  public header: ParserMethod<[], CstNode> = this.RULE('header', () => {
    this.CONSUME(ThreadColumn);
    this.CONSUME(StateColumn);
    this.CONSUME(SobjColumn);
    this.CONSUME(CountColumn);
  });

  /** `SLEEP`, `UNPARKED`, `INVAL/ff`. */
  public state: ParserMethod<[], CstNode> = this.RULE('state', () => {
    this.OR([{ ALT: () => this.CONSUME(SymbolName, { LABEL: 'name' }) }, { ALT: () => this.CONSUME(HexAddr, { LABEL: 'name' }) }]);
    this.OPTION(() => {
      this.CONSUME(Slash);
      this.CONSUME2(HexAddr, { LABEL: 'value' });
    });
  });

  /** `CV`, `<NONE>`, `??`. */
  public sobj: ParserMethod<[], CstNode> = this.RULE('sobj', () => {
    this.OR([
      { ALT: () => this.CONSUME(SymbolName, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(AngleText, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(UnknownSobj, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(HexAddr, { LABEL: 'name' }) },
    ]);
  });

  /** `THREAD STATE SOBJ COUNT` values; COUNT is `-` on `-a` member rows. */
  public groupLine: ParserMethod<[], CstNode> = this.RULE('groupLine', () => {
    this.CONSUME(HexAddr, { LABEL: 'thread' });
    this.SUBRULE(this.state);
    this.SUBRULE(this.sobj);
    this.OR([{ ALT: () => this.CONSUME2(HexAddr, { LABEL: 'count' }) }, { ALT: () => this.CONSUME(Dash, { LABEL: 'count' }) }]);
  });

  /** `<thread not in memory>` or `... truncated ...`. */
  public failure: ParserMethod<[], CstNode> = this.RULE('failure', () => {
    this.OR([{ ALT: () => this.CONSUME(AngleText, { LABEL: 'text' }) }, { ALT: () => this.CONSUME(Truncated, { LABEL: 'text' }) }]);
  });

  public stacksLine: ParserMethod<[], CstNode> = this.RULE('stacksLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.header) },
      { ALT: () => this.SUBRULE(this.groupLine) },
      { ALT: () => this.SUBRULE(this.pc) },
      { ALT: () => this.SUBRULE(this.failure) },
      { ALT: () => this.SUBRULE(this.warning) },
      { ALT: () => this.SUBRULE(this.elision) },
    ]);
  });
}

export const stacksParser = lazy(() => new StacksParser());
