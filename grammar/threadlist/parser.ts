// `::threadlist [-v]` line grammar (header, rows, the `-v` PC line).
import { type CstNode, type ParserMethod } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { FrameRules } from '../frames/parser.ts';
import { HexAddr, SymbolOffset } from '../frames/lexer.ts';
import {
  AddrColumn,
  ClsColumn,
  CmdLabel,
  CmdLwpidColumn,
  LwpColumn,
  PcLabel,
  PriColumn,
  ProcColumn,
  RowDesc,
  TaskqLabel,
  ThreadLabel,
  threadlistTokens,
  TrailerText,
  WchanColumn,
} from './lexer.ts';

class ThreadlistParser extends FrameRules {
  constructor() {
    super(threadlistTokens);
    this.performSelfAnalysis();
  }

  /** `ADDR PROC LWP CMD/LWPID` or `ADDR PROC LWP CLS PRI WCHAN`. */
  public header: ParserMethod<[], CstNode> = this.RULE('header', () => {
    this.CONSUME(AddrColumn);
    this.CONSUME(ProcColumn);
    this.CONSUME(LwpColumn);
    this.OR([
      { ALT: () => this.CONSUME(CmdLwpidColumn) },
      {
        ALT: () => {
          this.CONSUME(ClsColumn);
          this.CONSUME(PriColumn);
          this.CONSUME(WchanColumn);
        },
      },
    ]);
  });

  /** Thread, proc, lwp, then the description (plain) or class, priority, wait channel (`-v`). */
  public row: ParserMethod<[], CstNode> = this.RULE('row', () => {
    this.CONSUME(HexAddr, { LABEL: 'addr' });
    this.CONSUME2(HexAddr, { LABEL: 'proc' });
    this.CONSUME3(HexAddr, { LABEL: 'lwp' });
    this.OR([
      { ALT: () => this.CONSUME(RowDesc, { LABEL: 'desc' }) },
      {
        ALT: () => {
          this.CONSUME4(HexAddr, { LABEL: 'cls' });
          // `%3d` of t_pri; the idle thread's -1 lexes as an offset-shaped token
          this.OR2([
            { ALT: () => this.CONSUME5(HexAddr, { LABEL: 'pri' }) },
            { ALT: () => this.CONSUME(SymbolOffset, { LABEL: 'pri' }) },
          ]);
          this.CONSUME6(HexAddr, { LABEL: 'wchan' });
        },
      },
    ]);
  });

  /** `PC: sym+off`, before 2018 followed by `THREAD: fn()`, `TASKQ: name` or `CMD: psargs`. */
  public pcLine: ParserMethod<[], CstNode> = this.RULE('pcLine', () => {
    this.CONSUME(PcLabel);
    this.SUBRULE(this.pc);
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(ThreadLabel, { LABEL: 'trailer' }) },
        { ALT: () => this.CONSUME(TaskqLabel, { LABEL: 'trailer' }) },
        { ALT: () => this.CONSUME(CmdLabel, { LABEL: 'trailer' }) },
      ]);
      this.OPTION2(() => this.CONSUME(TrailerText));
    });
  });

  public threadlistLine: ParserMethod<[], CstNode> = this.RULE('threadlistLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.header) },
      { ALT: () => this.SUBRULE(this.row) },
      { ALT: () => this.SUBRULE(this.pcLine) },
      { ALT: () => this.SUBRULE(this.warning) },
      { ALT: () => this.SUBRULE(this.elision) },
    ]);
  });
}

export const threadlistParser = lazy(() => new ThreadlistParser());
