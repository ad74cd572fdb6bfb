// `::findstack [-v]` line grammar. Block structure (which frames belong to which thread) is
// assembled from the line kinds in assemble.ts.
import { type CstNode, type ParserMethod, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { FrameRules } from '../frames/parser.ts';
import { HexAddr, LParen, RParen } from '../frames/lexer.ts';
import {
  Colon,
  findstackTokens,
  LBracket,
  PossibleStackPointers,
  RBracket,
  StackPointerFor,
  ThreadDesc,
  TsFree,
} from './lexer.ts';

/** Findstack line rules (`::threadlist -v` reads its embedded blocks with the parser built from them). */
class FindstackRules extends FrameRules {
  constructor(tokens: TokenType[]) {
    super(tokens);
  }

  /** `stack pointer for thread X[ (TS_FREE)][ (desc)]: SP` */
  public threadHeader: ParserMethod<[], CstNode> = this.RULE('threadHeader', () => {
    this.CONSUME(StackPointerFor);
    this.CONSUME(HexAddr, { LABEL: 'thread' });
    this.OPTION(() => this.CONSUME(TsFree));
    this.OPTION2(() => this.CONSUME(ThreadDesc));
    this.CONSUME(Colon);
    this.CONSUME2(HexAddr, { LABEL: 'sp' });
  });

  /** `[ SP pc() ]`: the PC saved when the thread switched out. */
  public savedPc: ParserMethod<[], CstNode> = this.RULE('savedPc', () => {
    this.CONSUME(LBracket);
    this.CONSUME(HexAddr, { LABEL: 'sp' });
    this.SUBRULE(this.pc);
    this.CONSUME(LParen);
    this.CONSUME(RParen);
    this.CONSUME(RBracket);
  });

  /** `Possible stack pointers for thread X:`; its `  fp (n)` lines read as frames (see assemble.ts). */
  public possibleHeader: ParserMethod<[], CstNode> = this.RULE('possibleHeader', () => {
    this.CONSUME(PossibleStackPointers);
    this.CONSUME(HexAddr, { LABEL: 'thread' });
    this.CONSUME(Colon);
  });

  public findstackLine: ParserMethod<[], CstNode> = this.RULE('findstackLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.threadHeader) },
      { ALT: () => this.SUBRULE(this.savedPc) },
      { ALT: () => this.SUBRULE(this.possibleHeader) },
      { ALT: () => this.SUBRULE(this.frame) },
      { ALT: () => this.SUBRULE(this.warning) },
      { ALT: () => this.SUBRULE(this.elision) },
    ]);
  });
}

class FindstackParser extends FindstackRules {
  constructor() {
    super(findstackTokens);
    this.performSelfAnalysis();
  }
}

export const findstackParser = lazy(() => new FindstackParser());
