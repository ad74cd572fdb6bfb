// Tokens of one line of `addr/fmt` or `=fmt` output: an optional `label:` (`0xffffff01dde41b90:`,
// `kpreemptpri:`) and the values, each printed left-aligned in its column.
import { createToken, Lexer, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { runMatcher } from '../common/matchers.ts';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });

/** Characters of a value or label: digits, hex, symbols with `+off`, signs, module-qualified names. */
function valueChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 /* _ */ ||
    c === 46 /* . */ ||
    c === 36 /* $ */ ||
    c === 96 /* ` */ ||
    c === 43 /* + */ ||
    c === 45 /* - */
  );
}

const valueRun = runMatcher(valueChar);
const START = [...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.$`+-'];

/** `0xffffff01dde41b90:`, `kpreemptpri:`, `p0+0x10:`: the address label (`%-#16a`) that starts a row. */
export const AddressLabel = createToken({
  name: 'AddressLabel',
  pattern: (text: string, offset: number) => {
    const m = valueRun(text, offset);
    if (m === null || text.charCodeAt(offset + m[0].length) !== 58 /* : */) return null;
    return [m[0] + ':'];
  },
  line_breaks: false,
  start_chars_hint: START,
});

/** One printed value: `-6618541`, `ff9b0253`, `kmem_zalloc+0x30`, or a column name of an adb macro. */
export const Value = createToken({ name: 'Value', pattern: valueRun, line_breaks: false, start_chars_hint: START });

/** Anything else: not format output. */
export const Other = createToken({ name: 'Other', pattern: /[!-~\u00a0-\uffff]/ });

export const allTokens: TokenType[] = [WhiteSpace, AddressLabel, Value, Other];

export const formatLexer = lazy(() => new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true }));
