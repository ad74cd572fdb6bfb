// Grammar of one line of console panic text. Lines that continue a panic message are free text
// and are taken as they are by the section reader.
import { CstParser, type IOrAlt } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import * as t from './lexer.ts';

export class PanicParser extends CstParser {
  /** OR alternatives built once (rule bodies run on every parse). */
  private readonly alts: Record<number, IOrAlt<unknown>[]> = {};

  constructor() {
    super(t.allTokens);
    this.performSelfAnalysis();
  }

  public panicLine = this.RULE('panicLine', () => {
    this.OR((this.alts[1] ??= [
      { ALT: () => this.SUBRULE(this.panicHeader) },
      { ALT: () => this.SUBRULE(this.panicNotice) },
      { ALT: () => this.SUBRULE(this.badTrap) },
      { ALT: () => this.SUBRULE(this.traceFrame) },
      { ALT: () => this.SUBRULE(this.trapName) },
      { ALT: () => this.SUBRULE(this.processName) },
      { ALT: () => this.SUBRULE(this.faultAddress) },
    ]));
  });

  /** `panic[cpu14]/thread=ffffff01e8a1e0e0: message...` (the message may be empty and follow on the next line). */
  public panicHeader = this.RULE('panicHeader', () => {
    this.CONSUME(t.Panic);
    this.CONSUME(t.LSquare);
    this.CONSUME(t.CpuRef);
    this.CONSUME(t.RSquare);
    this.CONSUME(t.Slash);
    this.CONSUME(t.ThreadKw);
    this.CONSUME(t.Equals);
    this.CONSUME(t.Word, { LABEL: 'thread' });
    this.CONSUME(t.Colon);
    this.MANY(() => this.CONSUME(t.AnyText, { LABEL: 'message' }));
  });

  /** `panic: entering debugger (continue to save dump)` */
  public panicNotice = this.RULE('panicNotice', () => {
    this.CONSUME(t.Panic);
    this.CONSUME(t.Colon);
    this.MANY(() => this.CONSUME(t.AnyText));
  });

  /** `BAD TRAP: type=e (#pf Page fault) rp=ffffff0007e01a30 addr=0`: the trap message, with or without a panic header above it. */
  public badTrap = this.RULE('badTrap', () => {
    this.CONSUME(t.BadKw);
    this.CONSUME(t.TrapKw);
    this.CONSUME(t.Colon);
    this.MANY(() => this.CONSUME(t.AnyText));
  });

  /**
   * `ffffff003d0073b0 unix:die+10f ()`, `000002a10001b3a0 genunix:cv_wait+4c (30001b4f2c8, 0)`, or a
   * raw pc with no symbol, `ffffff003d0073b0 fffffffff7a1b2c3 ()`.
   */
  public traceFrame = this.RULE('traceFrame', () => {
    this.CONSUME(t.Word, { LABEL: 'fp' });
    this.OPTION(() => {
      this.CONSUME2(t.Word, { LABEL: 'module' });
      this.CONSUME(t.Colon);
    });
    this.CONSUME3(t.Word, { LABEL: 'func' });
    this.CONSUME(t.LParen);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.CONSUME4(t.Word, { LABEL: 'arg' }) });
    this.CONSUME(t.RParen);
  });

  /** `#gp General protection`, `#df Double fault` */
  public trapName = this.RULE('trapName', () => {
    this.CONSUME(t.Hash);
    this.AT_LEAST_ONE(() => this.CONSUME(t.Word));
  });

  /** `Bad kernel fault at addr=0x0`: a sentence ending in `name=value` (one word alone is a register row). */
  public faultAddress = this.RULE('faultAddress', () => {
    this.CONSUME(t.Word);
    this.AT_LEAST_ONE(() => this.CONSUME2(t.Word));
    this.CONSUME(t.Equals);
    this.CONSUME3(t.Word, { LABEL: 'value' });
  });

  /** `stress-ng:`, `ksh93:`: the process that was running. */
  public processName = this.RULE('processName', () => {
    this.CONSUME(t.Word);
    this.CONSUME(t.Colon);
  });
}

export const panicParser = lazy(() => new PanicParser());
