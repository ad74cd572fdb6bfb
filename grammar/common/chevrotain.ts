// Chevrotain, loaded from the single-file ESM bundle the package ships (lib/chevrotain.mjs, the
// same 11.2.0 code). The package entry pulls in lodash-es as hundreds of separate modules: about
// 0.8 s of CPU at every start-up under plain node and several seconds under tsx's loader, against
// about 0.03 s for the bundle. Every grammar imports Chevrotain from here, never from 'chevrotain',
// so there is exactly one copy of its classes and of its EOF token at run time.
import type * as Chevrotain from 'chevrotain';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The package's exports map names only its entry (lib/src/api.js), so the bundle is found beside
// it: the entry is resolved the normal way (hoisted, nested or pnpm), never by a path we build.
const entry = createRequire(import.meta.url).resolve('chevrotain');
const bundleUrl = pathToFileURL(join(dirname(entry), '..', 'chevrotain.mjs')).href;
const chevrotain = (await import(bundleUrl)) as typeof Chevrotain;

/** True when running the compiled build in dist/ (tests and dev run the .ts sources). */
export const COMPILED = import.meta.url.endsWith('.js');

// The compiled build skips Chevrotain's grammar self-checks at construction (tests and dev keep them
// on, so a grammar error is still caught before it ships): they cost start-up and cannot fail there.
class CheckedOnceCstParser extends chevrotain.CstParser {
  constructor(tokens: Chevrotain.TokenVocabulary, config?: Chevrotain.IParserConfig) {
    super(tokens, { ...config, skipValidations: true });
  }
}
class CheckedOnceLexer extends chevrotain.Lexer {
  constructor(tokens: Chevrotain.TokenType[] | Chevrotain.IMultiModeLexerDefinition, config?: Chevrotain.ILexerConfig) {
    super(tokens, { ...config, skipValidations: true });
  }
}

export const CstParser: typeof Chevrotain.CstParser = COMPILED ? CheckedOnceCstParser : chevrotain.CstParser;
export type CstParser = Chevrotain.CstParser;
export const Lexer: typeof Chevrotain.Lexer = COMPILED ? CheckedOnceLexer : chevrotain.Lexer;
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
