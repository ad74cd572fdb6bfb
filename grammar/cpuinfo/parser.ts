// The shapes of one `::cpuinfo [-v]` output line. Output is read a line at a time; which CPU a
// `-v` line belongs to is decided afterwards (assemble.ts), so a bad line costs only itself.
import { CstParser, EMPTY_ALT, EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { shown } from '../common/lines.ts';
import {
  allTokens,
  BlockArrow,
  BlockBar,
  Bspl,
  CpuId,
  Dash,
  Decimal,
  FlagArrow,
  FlagName,
  Flg,
  Hex,
  Id,
  Krnrn,
  MarginBar,
  NameWord,
  NegDecimal,
  No,
  Nrun,
  Pil,
  Pri,
  Proc,
  Rnrn,
  Switch,
  SwitchTicks,
  Thread,
  Yes,
  Addr,
} from './lexer.ts';

/** What a token type means, for messages a reader can act on. */
const WHAT: Record<string, string> = {
  CpuId: 'a CPU id',
  Hex: 'a hex value',
  Decimal: 'a decimal number',
  NegDecimal: 'a number',
  NameWord: 'a process name',
  FlagArrow: '<--+',
  BlockArrow: '+-->',
  BlockBar: '|',
  Dash: '-',
};
const RULE_WHAT: Record<string, string> = {
  priCell: 'PRI (a number or -)',
  yesNo: 'yes or no',
  switchCell: 'SWITCH (t-N or -)',
  procName: 'a process name',
  line: 'a ::cpuinfo line',
  verboseLine: 'a -v margin or block line',
  blockContent: 'a -v block line',
  margin: 'a flag name or |',
  queueRow: 'a run-queue priority',
};

/** Shows a bit of the offending token, printable ASCII only (messages may reach a terminal). */
function shownToken(tok: IToken | undefined): string {
  if (tok === undefined || tok.tokenType === EOF) return 'the end of the line';
  return `"${shown(tok.image, 24)}"`;
}

const describe = (t: TokenType): string => WHAT[t.name] ?? t.name;

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `expected ${describe(expected)}, found ${shownToken(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `unexpected ${shownToken(firstRedundant)}`,
  buildNoViableAltMessage: ({ actual, ruleName }) => `expected ${RULE_WHAT[ruleName] ?? ruleName}, found ${shownToken(actual[0])}`,
  buildEarlyExitMessage: ({ actual, ruleName }) => `expected ${RULE_WHAT[ruleName] ?? ruleName}, found ${shownToken(actual[0])}`,
};

/** Wrapped text starts in column 0 (a `%s` that did not fit) or 1 (` (idle)`, ` -`, ` ?` literals). */
const WRAP_MAX_COL = 1;

class CpuinfoParser extends CstParser {
  constructor() {
    super(allTokens, { maxLookahead: 2, errorMessageProvider: messages });
    this.performSelfAnalysis();
  }

  /**
   * Entry rule: one line, possibly empty. The empty alternative also takes lines that match
   * nothing, which then fail cheaply as redundant input (chevrotain rebuilds every lookahead path
   * of an OR to word a no-viable-alternative error: hundreds of milliseconds for this one).
   */
  public line = this.RULE('line', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.header) },
      { ALT: () => this.SUBRULE(this.cpuRow) },
      { ALT: () => this.SUBRULE(this.verboseLine) },
      {
        // Old mdb wrapped the PROC cell onto its own line; its words can look like anything.
        GATE: () => this.LA(1).startOffset <= WRAP_MAX_COL,
        IGNORE_AMBIGUITIES: true,
        ALT: () => this.SUBRULE(this.wrappedProc),
      },
      { ALT: EMPTY_ALT() },
    ]);
  });

  public header = this.RULE('header', () => {
    this.CONSUME(Id);
    this.CONSUME(Addr);
    this.CONSUME(Flg);
    this.CONSUME(Nrun);
    this.CONSUME(Bspl);
    this.CONSUME(Pri);
    this.CONSUME(Rnrn);
    this.CONSUME(Krnrn);
    this.CONSUME(Switch);
    this.CONSUME(Thread);
    this.CONSUME(Proc);
  });

  /** `ID ADDR FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD [PROC]`, read by tokens (wide values shift columns). */
  public cpuRow = this.RULE('cpuRow', () => {
    this.CONSUME(CpuId);
    this.CONSUME(Hex, { LABEL: 'addr' });
    this.CONSUME2(Hex, { LABEL: 'flags' });
    this.CONSUME(Decimal, { LABEL: 'nrun' });
    this.CONSUME2(Decimal, { LABEL: 'bspl' });
    this.SUBRULE(this.priCell);
    this.SUBRULE(this.yesNo, { LABEL: 'runrun' });
    this.SUBRULE2(this.yesNo, { LABEL: 'kprunrun' });
    this.SUBRULE(this.switchCell);
    this.CONSUME3(Hex, { LABEL: 'thread' });
    this.OPTION(() => this.SUBRULE(this.procName));
  });

  public priCell = this.RULE('priCell', () => {
    this.OR([{ ALT: () => this.CONSUME(Decimal) }, { ALT: () => this.CONSUME(NegDecimal) }, { ALT: () => this.CONSUME(Dash) }]);
  });

  public yesNo = this.RULE('yesNo', () => {
    this.OR([{ ALT: () => this.CONSUME(Yes) }, { ALT: () => this.CONSUME(No) }]);
  });

  public switchCell = this.RULE('switchCell', () => {
    this.OR([{ ALT: () => this.CONSUME(SwitchTicks) }, { ALT: () => this.CONSUME(Dash) }]);
  });

  /** `u_comm`, `(idle)`, `-` or `?`: the rest of the line. */
  public procName = this.RULE('procName', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(NameWord));
  });

  public wrappedProc = this.RULE('wrappedProc', () => {
    this.SUBRULE(this.procName);
  });

  /** A `-v` line: the flag margin, the blocks beside it, or both. */
  public verboseLine = this.RULE('verboseLine', () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.margin);
          this.OPTION(() => this.SUBRULE(this.blockContent));
        },
      },
      { ALT: () => this.SUBRULE2(this.blockContent) },
    ]);
  });

  public margin = this.RULE('margin', () => {
    this.OR([
      { ALT: () => this.CONSUME(MarginBar) },
      {
        ALT: () => {
          this.CONSUME(FlagName);
          this.OPTION(() => this.CONSUME(FlagArrow));
        },
      },
    ]);
  });

  public blockContent = this.RULE('blockContent', () => {
    // `[|] PIL ADDR` and `PRI ADDR NAME` part at their third token.
    this.OR({
      MAX_LOOKAHEAD: 3,
      DEF: [
        { ALT: () => this.SUBRULE(this.pilHeader) },
        { ALT: () => this.SUBRULE(this.queueHeader) },
        { ALT: () => this.SUBRULE(this.pinnedRow) },
        { ALT: () => this.SUBRULE(this.queueRow) },
        { ALT: () => this.SUBRULE(this.pilRow) },
        { ALT: () => this.SUBRULE(this.connector) },
      ],
    });
  });

  /** `[|]    +--> PIL THREAD`; the leading bar is there when a run-queue block follows. */
  public pilHeader = this.RULE('pilHeader', () => {
    this.OPTION(() => this.CONSUME(BlockBar));
    this.CONSUME(BlockArrow);
    this.CONSUME(Pil);
    this.CONSUME(Thread);
  });

  /** `+-->  PRI THREAD PROC` */
  public queueHeader = this.RULE('queueHeader', () => {
    this.CONSUME(BlockArrow);
    this.CONSUME(Pri);
    this.CONSUME(Thread);
    this.CONSUME(Proc);
  });

  /** `[|]           - ADDR NAME`: the thread the lowest interrupt thread pinned. */
  public pinnedRow = this.RULE('pinnedRow', () => {
    this.OPTION(() => this.CONSUME(BlockBar));
    this.CONSUME(Dash);
    this.CONSUME(Hex, { LABEL: 'thread' });
    this.SUBRULE(this.procName);
  });

  /** `PRI ADDR NAME` in the run-queue block. */
  public queueRow = this.RULE('queueRow', () => {
    this.OR([{ ALT: () => this.CONSUME(Decimal, { LABEL: 'pri' }) }, { ALT: () => this.CONSUME(NegDecimal, { LABEL: 'pri' }) }]);
    this.CONSUME(Hex, { LABEL: 'thread' });
    this.SUBRULE(this.procName);
  });

  /** `[|]         PIL ADDR` in the interrupt-thread block. */
  public pilRow = this.RULE('pilRow', () => {
    this.OPTION(() => this.CONSUME(BlockBar));
    this.CONSUME(Decimal, { LABEL: 'pil' });
    this.CONSUME(Hex, { LABEL: 'thread' });
  });

  /** `|` or `|    |`: connectors that open a block. */
  public connector = this.RULE('connector', () => {
    this.CONSUME(BlockBar);
    this.OPTION(() => this.CONSUME2(BlockBar));
  });
}

/** Re-used for every line; setting `input` resets it. */
export const cpuinfoParser = lazy(() => new CpuinfoParser());
