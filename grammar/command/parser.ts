// An mdb command line: stages separated by `|`, each `[addr][,count]verb [args]`.
import { CstParser } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import {
  allTokens,
  AssignVar,
  Builtin,
  Colon,
  Comma,
  DcmdName,
  FormatVerb,
  MacroVerb,
  Pipe,
  Quoted,
  ShellEscape,
  Word,
} from './lexer.ts';

class CommandParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  public commandLine = this.RULE('commandLine', () => {
    this.AT_LEAST_ONE_SEP({ SEP: Pipe, DEF: () => this.SUBRULE(this.stage) });
  });

  private stage = this.RULE('stage', () => {
    this.OPTION(() => this.CONSUME(Word, { LABEL: 'addr' }));
    this.OPTION2(() => {
      this.CONSUME(Comma);
      this.CONSUME2(Word, { LABEL: 'count' });
    });
    // An address alone repeats the previous command at that address.
    this.OPTION3(() => {
      this.SUBRULE(this.verb);
      this.MANY(() => this.SUBRULE(this.argument));
    });
  });

  private verb = this.RULE('verb', () => {
    this.OR([
      { ALT: () => this.CONSUME(DcmdName) },
      { ALT: () => this.CONSUME(FormatVerb) },
      { ALT: () => this.CONSUME(MacroVerb) },
      { ALT: () => this.CONSUME(Builtin) },
      { ALT: () => this.CONSUME(AssignVar) },
      { ALT: () => this.CONSUME(ShellEscape) },
    ]);
  });

  private argument = this.RULE('argument', () => {
    this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(Quoted) },
      { ALT: () => this.CONSUME(FormatVerb) },
      { ALT: () => this.CONSUME(Comma) },
      { ALT: () => this.CONSUME(Colon) },
      { ALT: () => this.CONSUME(Builtin) },
      { ALT: () => this.CONSUME(DcmdName) },
    ]);
  });
}

export const commandParser = lazy(() => new CommandParser());
