// Grammar of one register-dump line. Each row form is its own rule so the reader can tell them apart.
import { CstParser, type IOrAlt } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import * as t from './lexer.ts';

class RegistersParser extends CstParser {
  /** OR alternatives built once (rule bodies run on every parse). */
  private readonly alts: Record<number, IOrAlt<unknown>[]> = {};

  constructor() {
    super(t.allTokens, { maxLookahead: 4 });
    this.performSelfAnalysis();
  }

  public registersLine = this.RULE('registersLine', () => {
    this.OR((this.alts[1] ??= [
      { ALT: () => this.SUBRULE(this.messageRow) },
      { ALT: () => this.SUBRULE(this.decodedRow) },
      { ALT: () => this.SUBRULE(this.registerRow) },
      { ALT: () => this.SUBRULE(this.assignRow) },
      { ALT: () => this.SUBRULE(this.percentRow) },
      { ALT: () => this.SUBRULE(this.keyValueRow) },
    ]));
  });

  /** `message BAD TRAP: type=d (#gp General protection) rp=... addr=0` (`::panicinfo`). */
  public messageRow = this.RULE('messageRow', () => {
    this.CONSUME(t.MessageKey);
    this.MANY(() => this.CONSUME(t.AnyText));
  });

  /** `pstate: ag:0 ie:1 priv:1 ...`, `winreg: cur:4 other:0 ...` (SPARC `$r`): a register decoded into fields. */
  public decodedRow = this.RULE('decodedRow', () => {
    this.CONSUME(t.RegisterName);
    this.CONSUME(t.Colon);
    this.AT_LEAST_ONE(() => {
      this.OR((this.alts[2] ??= [{ ALT: () => this.CONSUME(t.Word) }, { ALT: () => this.CONSUME2(t.RegisterName) }]));
      this.CONSUME2(t.Colon);
      this.CONSUME2(t.Word);
    });
  });

  /** One or more `name[:] value [note]`: `rdi ffff...`, `rdi: ffff... rsi: 3 rdx: 0`, `g1 100130a4 debug_enter l1 edd00028`. */
  public registerRow = this.RULE('registerRow', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.registerPair));
  });

  public registerPair = this.RULE('registerPair', () => {
    this.CONSUME(t.RegisterName);
    this.OPTION(() => this.CONSUME(t.Colon));
    this.CONSUME(t.Word, { LABEL: 'value' });
    this.OPTION2(() => this.SUBRULE(this.controlBits));
    this.OPTION3(() => this.SUBRULE(this.registerNote));
  });

  /** `<pg,wp,ne,et,mp,pe>` after a control register's value. */
  public controlBits = this.RULE('controlBits', () => {
    this.CONSUME(t.LAngle);
    this.MANY(() => this.OR((this.alts[3] ??= [{ ALT: () => this.CONSUME(t.Word) }, { ALT: () => this.CONSUME(t.Comma) }])));
    this.CONSUME(t.RAngle);
  });

  /** What may follow a value: its symbol, a disassembled instruction (`edd000d8: ta %icc,%g0 + 125`), or decoded fields in parentheses. */
  public registerNote = this.RULE('registerNote', () => {
    this.OR((this.alts[4] ??= [
      {
        ALT: () => {
          this.CONSUME(t.Word, { LABEL: 'label' });
          this.CONSUME(t.Colon);
          this.MANY(() => this.CONSUME(t.AnyText));
        },
      },
      { ALT: () => this.CONSUME2(t.Word, { LABEL: 'symbol' }) },
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          this.MANY2(() =>
            this.OR2((this.alts[5] ??= [
              { ALT: () => this.CONSUME3(t.Word) },
              { ALT: () => this.CONSUME(t.RegisterName) },
              { ALT: () => this.CONSUME(t.Equals) },
              { ALT: () => this.CONSUME(t.Comma) },
            ])),
          );
          this.CONSUME(t.RParen);
        },
      },
    ]));
  });

  /** `pid=5391, pc=0xfffffffffb802c22, sp=0xfffffe59402feed0, eflags=0x2`, `addr=0x27e08`. */
  public assignRow = this.RULE('assignRow', () => {
    this.AT_LEAST_ONE_SEP({
      SEP: t.Comma,
      DEF: () => {
        this.OR((this.alts[6] ??= [{ ALT: () => this.CONSUME(t.RegisterName, { LABEL: 'name' }) }, { ALT: () => this.CONSUME(t.Word, { LABEL: 'name' }) }]));
        this.CONSUME(t.Equals);
        this.CONSUME2(t.Word, { LABEL: 'value' });
      },
    });
  });

  /** `%cs = 0x0158            %eax = 0xc1e6e0f0 kmdbmod`kaif_dvec` (`::cpuregs`). */
  public percentRow = this.RULE('percentRow', () => {
    this.AT_LEAST_ONE(() => {
      this.CONSUME(t.Percent);
      this.CONSUME(t.RegisterName, { LABEL: 'name' });
      this.CONSUME(t.Equals);
      this.CONSUME(t.Word, { LABEL: 'value' });
      this.OPTION(() => this.CONSUME2(t.Word, { LABEL: 'symbol' }));
    });
  });

  /** `cpu 10`, `thread ffffd0654dfb6840`, or a register this grammar does not know by name. */
  public keyValueRow = this.RULE('keyValueRow', () => {
    this.CONSUME(t.Word, { LABEL: 'name' });
    this.CONSUME2(t.Word, { LABEL: 'value' });
  });
}

export const registersParser = lazy(() => new RegistersParser());
