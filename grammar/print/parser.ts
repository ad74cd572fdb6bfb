// Grammar of one `::print` output line (mdb_print.c). Nesting across lines (`{` ... `}`) is
// handled by the section reader with an explicit stack, so no rule here recurses: a line with
// thousands of brackets or a section with thousands of levels cannot exhaust the call stack.
import { CstParser, type IOrAlt } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import * as t from './lexer.ts';

class PrintParser extends CstParser {
  /**
   * OR alternatives, built once: Chevrotain runs rule bodies on every parse, and rebuilding these
   * object literals (each ALT a named closure under tsx) dominated the per-line cost.
   */
  private readonly alts: Record<string, IOrAlt<unknown>[]> = {};

  constructor() {
    super(t.allTokens, { maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  /** Entry: any one line of `::print` (or `::sizeof`) output. */
  public printLine = this.RULE('printLine', () => {
    this.OR((this.alts['line'] ??= [
      { ALT: () => this.SUBRULE(this.sizeofLine) },
      { ALT: () => this.SUBRULE(this.closeBrace) },
      { ALT: () => this.SUBRULE(this.closeArray) },
      { ALT: () => this.SUBRULE(this.memberLine) },
    ]));
  });

  /** `sizeof (ringbearer_t) = 8` */
  public sizeofLine = this.RULE('sizeofLine', () => {
    this.CONSUME(t.Sizeof);
    this.CONSUME(t.LParen);
    this.AT_LEAST_ONE(() => this.OR((this.alts['sizeofName'] ??= [{ ALT: () => this.CONSUME(t.Word) }, { ALT: () => this.CONSUME(t.Star) }])));
    this.CONSUME(t.RParen);
    this.CONSUME(t.Equals);
    this.OR2((this.alts['sizeofValue'] ??= [{ ALT: () => this.CONSUME(t.HexLiteral) }, { ALT: () => this.CONSUME2(t.Word) }]));
  });

  /** `}` closing a struct, `},` closing an element of an array of structs. */
  public closeBrace = this.RULE('closeBrace', () => {
    this.CONSUME(t.RCurly);
    this.OPTION(() => this.CONSUME(t.Comma));
  });

  /** `]` closing an array of structs, `... ]` when the element limit cut it. */
  public closeArray = this.RULE('closeArray', () => {
    this.OPTION(() => this.CONSUME(t.Ellipsis));
    this.CONSUME(t.RSquare);
  });

  /** `{` (top level or array element), or `[addr] [type] name` followed by ` = value`, `{`, or nothing (`-t` listing). */
  public memberLine = this.RULE('memberLine', () => {
    this.OR((this.alts['member'] ??= [
      { ALT: () => this.SUBRULE(this.structOpen) },
      {
        ALT: () => {
          this.SUBRULE(this.declaration);
          this.OPTION(() =>
            this.OR2((this.alts['tail'] ??= [
              {
                ALT: () => {
                  this.CONSUME(t.Equals);
                  this.OPTION2(() => this.SUBRULE(this.value));
                },
              },
              { ALT: () => this.SUBRULE2(this.structOpen) },
            ])),
          );
        },
      },
    ]));
  });

  /** `{`, or `{ ... }` past the depth limit. */
  public structOpen = this.RULE('structOpen', () => {
    this.CONSUME(t.LCurly);
    this.OPTION(() => {
      this.CONSUME(t.Ellipsis);
      this.CONSUME(t.RCurly);
    });
  });

  /** Address, type and member name, as printed: `ffffff01dde41b90 struct proc *t_procp`, `int (*)() *pkt_comp`, `t_flag :1`; or a variable's address, type and value (`pri_t 0x64`). */
  public declaration = this.RULE('declaration', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.declPiece));
  });

  public declPiece = this.RULE('declPiece', () => {
    this.OR((this.alts['piece'] ??= [
      { ALT: () => this.CONSUME(t.Word) },
      { ALT: () => this.CONSUME(t.HexLiteral) },
      // A variable's value alone under -d (`maxclsyspri::print -d` prints `0t99`): the assembler tells it from a name.
      { ALT: () => this.CONSUME(t.DecimalLiteral) },
      { ALT: () => this.CONSUME(t.Star) },
      { ALT: () => this.CONSUME(t.Dot) },
      { ALT: () => this.CONSUME(t.Arrow) },
      { ALT: () => this.CONSUME(t.Colon) },
      { ALT: () => this.CONSUME(t.LParen) },
      { ALT: () => this.CONSUME(t.RParen) },
      { ALT: () => this.CONSUME(t.Question) },
      {
        ALT: () => {
          this.CONSUME(t.LSquare);
          this.OPTION(() => this.CONSUME2(t.Word));
          this.CONSUME(t.RSquare);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.HoleOpen);
          this.CONSUME3(t.Word);
          this.CONSUME(t.HoleClose);
        },
      },
      // `<anon>`: an anonymous struct or union member (`<anon> = {`, `<anon>.bar_int = 0x7777`).
      {
        ALT: () => {
          this.CONSUME(t.LAngle);
          this.CONSUME4(t.Word);
          this.CONSUME(t.RAngle);
        },
      },
    ]));
  });

  /** What follows ` = `. */
  public value = this.RULE('value', () => {
    this.OR((this.alts['value'] ??= [
      { ALT: () => this.SUBRULE(this.structOpen) },
      { ALT: () => this.SUBRULE(this.arrayValue) },
      { ALT: () => this.SUBRULE(this.scalar) },
    ]));
  });

  /**
   * `[ "sched" ]`, `[ 0, 0x1, ... ]`, `[ ... ]`, or a lone `[` opening an array of structs.
   * Kept flat (nested `[` are pieces) so the reader checks the balance without recursion.
   */
  public arrayValue = this.RULE('arrayValue', () => {
    this.CONSUME(t.LSquare);
    this.MANY(() =>
      this.OR((this.alts['arrayPiece'] ??= [
        { ALT: () => this.SUBRULE(this.scalarAtom) },
        { ALT: () => this.CONSUME(t.Comma) },
        { ALT: () => this.CONSUME(t.Ellipsis) },
        { ALT: () => this.CONSUME2(t.LSquare) },
        { ALT: () => this.CONSUME(t.RSquare) },
      ])),
    );
  });

  /** A number, symbol, char, string, date or address, with an enum's ` (NAME)` or a pointer's text after it. */
  public scalar = this.RULE('scalar', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.scalarAtom));
  });

  public scalarAtom = this.RULE('scalarAtom', () => {
    this.OR((this.alts['atom'] ??= [
      { ALT: () => this.CONSUME(t.HexLiteral) },
      { ALT: () => this.CONSUME(t.DecimalLiteral) },
      { ALT: () => this.CONSUME(t.FloatLiteral) },
      { ALT: () => this.CONSUME(t.Word) },
      { ALT: () => this.CONSUME(t.CharLiteral) },
      { ALT: () => this.CONSUME(t.StringLiteral) },
      { ALT: () => this.CONSUME(t.Minus) },
      { ALT: () => this.CONSUME(t.Plus) },
      { ALT: () => this.CONSUME(t.Colon) },
      { ALT: () => this.CONSUME(t.Dot) },
      { ALT: () => this.CONSUME(t.Question) },
      { ALT: () => this.SUBRULE(this.parenGroup) },
      { ALT: () => this.SUBRULE(this.forwardDecl) },
    ]));
  });

  /** `(TS_RUN)`, `(PREFIX_{A|B})`, `(???)`, or an error text after `???`. */
  public parenGroup = this.RULE('parenGroup', () => {
    this.CONSUME(t.LParen);
    this.MANY(() => this.CONSUME(t.ParenContent));
    this.CONSUME(t.RParen);
  });

  /** `; <forward declaration of struct foo>` for types without CTF data. */
  public forwardDecl = this.RULE('forwardDecl', () => {
    this.CONSUME(t.Semicolon);
    this.CONSUME(t.LAngle);
    this.MANY(() => this.CONSUME(t.Word));
    this.CONSUME(t.RAngle);
  });
}

export const printParser = lazy(() => new PrintParser());
