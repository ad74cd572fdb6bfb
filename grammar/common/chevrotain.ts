// Chevrotain, loaded from the single-file ESM bundle the package ships (lib/chevrotain.mjs, the
// same 11.2.0 code). The package entry pulls in lodash-es as hundreds of separate modules: about
// 0.8 s of CPU at every start-up under plain node and several seconds under tsx's loader, against
// about 0.03 s for the bundle. Every grammar imports Chevrotain from here, never from 'chevrotain',
// so there is exactly one copy of its classes and of its EOF token at run time.
import type * as Chevrotain from 'chevrotain';
// @ts-expect-error The bundle has no declarations of its own; it is typed as the package entry below.
import * as bundle from '../../node_modules/chevrotain/lib/chevrotain.mjs';

const chevrotain = bundle as typeof Chevrotain;

export const CstParser = chevrotain.CstParser;
export type CstParser = Chevrotain.CstParser;
export const Lexer = chevrotain.Lexer;
export type Lexer = Chevrotain.Lexer;
export const EOF = chevrotain.EOF;
export const EMPTY_ALT = chevrotain.EMPTY_ALT;
export const createToken = chevrotain.createToken;
export const createSyntaxDiagramsCode = chevrotain.createSyntaxDiagramsCode;
export const generateCstDts = chevrotain.generateCstDts;

export type {
  CstNode,
  CstElement,
  CustomPatternMatcherReturn,
  ILexingError,
  IOrAlt,
  IParserErrorMessageProvider,
  IRecognitionException,
  ISerializedGast,
  IToken,
  ITokenConfig,
  ParserMethod,
  TokenPattern,
  TokenType,
} from 'chevrotain';
