// Frame rules shared by the stack grammars (by subclassing), and the parser for bare frame lines
// (`$C`, `$c`, `::stack`, `::stackregs`, or frames pasted without a command).
import { CstParser, type CstNode, type ParserMethod, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import {
  Comma,
  DemangledName,
  Elision,
  frameTokens,
  HexAddr,
  HexLiteral,
  LParen,
  MdbWarning,
  RParen,
  SymbolName,
  SymbolOffset,
} from './lexer.ts';

function startsPc(t: TokenType): boolean {
  return t === SymbolName || t === DemangledName || t === HexLiteral || t === HexAddr;
}

/** Rules for `[fp ]func[+off][(args)]`. Subclasses add their own rules and run self-analysis. */
export class FrameRules extends CstParser {
  constructor(tokens: TokenType[]) {
    super(tokens, { maxLookahead: 3, recoveryEnabled: false });
  }

  /** `%a` of a return address: `swtch+0x1e6`, `thread_exit`, `0xfffffffffb84c873`. */
  public pc: ParserMethod<[], CstNode> = this.RULE('pc', () => {
    this.OR([
      { ALT: () => this.CONSUME(SymbolName, { LABEL: 'func' }) },
      { ALT: () => this.CONSUME(DemangledName, { LABEL: 'func' }) },
      { ALT: () => this.CONSUME(HexLiteral, { LABEL: 'func' }) },
      // a symbol spelled only with hex letters (`bad`, `dec`) lexes as HexAddr
      { ALT: () => this.CONSUME(HexAddr, { LABEL: 'func' }) },
    ]);
    this.OPTION(() => this.CONSUME(SymbolOffset, { LABEL: 'offset' }));
  });

  /** `(ffffff01d6fd5b60, 0)`: arguments as `%lr` prints them; `()` when none were recovered. */
  public frameArgs: ParserMethod<[], CstNode> = this.RULE('frameArgs', () => {
    this.CONSUME(LParen);
    this.MANY_SEP({
      SEP: Comma,
      DEF: () =>
        this.OR([
          { ALT: () => this.CONSUME(HexAddr, { LABEL: 'arg' }) },
          { ALT: () => this.CONSUME(HexLiteral, { LABEL: 'arg' }) },
        ]),
    });
    this.CONSUME(RParen);
  });

  /** One frame: the frame pointer column is present in `$C` / `::findstack`, absent in `$c`. */
  public frame: ParserMethod<[], CstNode> = this.RULE('frame', () => {
    // LL(k) alone would take any leading HexAddr as the fp; it is one only when a pc follows.
    this.OPTION({
      GATE: () => startsPc(this.LA(2).tokenType),
      DEF: () => this.CONSUME(HexAddr, { LABEL: 'fp' }),
    });
    this.SUBRULE(this.pc);
    this.OPTION2(() => this.SUBRULE(this.frameArgs));
  });

  /** A stderr line or an author's `...`; both stand alone on their line. */
  public warning: ParserMethod<[], CstNode> = this.RULE('warning', () => {
    this.CONSUME(MdbWarning);
  });

  public elision: ParserMethod<[], CstNode> = this.RULE('elision', () => {
    this.CONSUME(Elision);
  });
}

/** Bare frame lines. */
export class FramesParser extends FrameRules {
  constructor() {
    super(frameTokens);
    this.performSelfAnalysis();
  }

  public frameLine: ParserMethod<[], CstNode> = this.RULE('frameLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.frame) },
      { ALT: () => this.SUBRULE(this.warning) },
      { ALT: () => this.SUBRULE(this.elision) },
    ]);
  });
}

export const framesParser = lazy(() => new FramesParser());
