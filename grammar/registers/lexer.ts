// Tokens of register dumps: `::panicinfo` (`key value`), `$r` (SPARC kmdb: `g1 100130a4 debug_enter`),
// `::cpuregs` (`%eax = 0x... sym`), the console's `rdi: value rsi: value` triplets and `cr0:` lines,
// and the `pid=..., pc=..., sp=..., eflags=...` line of a panic.
import { createToken, Lexer, type TokenType } from '../common/chevrotain.ts';
import { lazy } from '../common/lazy.ts';
import { isWordChar, runMatcher } from '../common/matchers.ts';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });

/** Every token: free text after a disassembly label or `message`. */
export const AnyText = createToken({ name: 'AnyText', pattern: Lexer.NA });

/** Register names of amd64, i386 and SPARC as mdb and the console print them. */
export const REGISTER_NAMES: ReadonlySet<string> = new Set([
  // amd64 (panicinfo and console spellings)
  ...'rdi rsi rdx rcx r8 r9 rax rbx rbp r10 r11 r12 r13 r14 r15 rip rsp rflags rfl'.split(' '),
  ...'fsbase gsbase fsb gsb ds es fs gs ss cs trapno trp err cr0 cr2 cr3 cr4 cr8'.split(' '),
  ...'gdt_hi gdt_lo idt_hi idt_lo ldt task'.split(' '),
  // i386
  ...'eax ebx ecx edx esi edi ebp esp eip eflags efl uesp usp'.split(' '),
  // SPARC
  ...'g0 g1 g2 g3 g4 g5 g6 g7 o0 o1 o2 o3 o4 o5 o6 o7 l0 l1 l2 l3 l4 l5 l6 l7'.split(' '),
  ...'i0 i1 i2 i3 i4 i5 i6 i7 sp fp y pc npc tba tstate pstate winreg tt tl pil asi ccr fprs cwp wstate'.split(' '),
]);

function wordChar(c: number): boolean {
  return isWordChar(c) || c === 46 /* . */ || c === 36 /* $ */ || c === 96 /* ` */ || c === 43 /* + */ || c === 45 /* - */;
}

const wordRun = runMatcher(wordChar);
const identRun = runMatcher(isWordChar);
const START = [...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.$`+-'];

/** A known register name standing as a whole word (`rdi`, `g1`, `cr0`). */
export const RegisterName = createToken({
  name: 'RegisterName',
  pattern: (text: string, offset: number) => {
    const m = identRun(text, offset);
    if (m === null || !REGISTER_NAMES.has(m[0])) return null;
    const after = text.charCodeAt(offset + m[0].length);
    return Number.isNaN(after) || !wordChar(after) ? m : null;
  },
  line_breaks: false,
  start_chars_hint: [...'rfgdetcsiugolpynw'],
  categories: [AnyText],
});
/** `message` in `::panicinfo`: the rest of the row is the panic message. */
export const MessageKey = createToken({ name: 'MessageKey', pattern: /message/, categories: [AnyText] });
/** A value, symbol (`debug_enter+0x78`, ``kmdbmod`kaif_dvec``) or other key. */
export const Word = createToken({ name: 'Word', pattern: wordRun, line_breaks: false, start_chars_hint: START, categories: [AnyText] });
export const Colon = createToken({ name: 'Colon', pattern: ':', categories: [AnyText] });
export const Equals = createToken({ name: 'Equals', pattern: '=', categories: [AnyText] });
export const Percent = createToken({ name: 'Percent', pattern: '%', categories: [AnyText] });
export const LAngle = createToken({ name: 'LAngle', pattern: '<', categories: [AnyText] });
export const RAngle = createToken({ name: 'RAngle', pattern: '>', categories: [AnyText] });
export const LParen = createToken({ name: 'LParen', pattern: '(', categories: [AnyText] });
export const RParen = createToken({ name: 'RParen', pattern: ')', categories: [AnyText] });
export const Comma = createToken({ name: 'Comma', pattern: ',', categories: [AnyText] });
export const Other = createToken({ name: 'Other', pattern: /[!-~\u00a0-\uffff]/, categories: [AnyText] });

export const allTokens: TokenType[] = [
  WhiteSpace,
  AnyText,
  RegisterName,
  MessageKey,
  Word,
  Colon,
  Equals,
  Percent,
  LAngle,
  RAngle,
  LParen,
  RParen,
  Comma,
  Other,
];

export const registersLexer = lazy(() => new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true }));
