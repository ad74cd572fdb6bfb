// Demangled C++ and Rust symbols in stack frames (`$C ! demangle`, userland cores):
// `std::vector<int, std::allocator<int> >::push_back(int const&)+0x66`, `<T as Trait>::f`,
// `foo::{{closure}}::h1a2b3c4d5e6f7a8b`, `Foo::operator()`, `~` before a tail-called frame.
// One scan per name; brackets are matched once per line, so lexing stays linear.

const OPENERS = '(<[{';
const CLOSERS = ')>]}';

/** For one line: the index of the closer matching each opener (-1 when none). */
function matchBrackets(text: string): Int32Array {
  const match = new Int32Array(text.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const o = OPENERS.indexOf(c);
    if (o >= 0) {
      stack.push(i);
      continue;
    }
    const k = CLOSERS.indexOf(c);
    if (k < 0) continue;
    // `->` is an arrow, not a closing angle bracket.
    if (c === '>' && i > 0 && text[i - 1] === '-') continue;
    const top = stack[stack.length - 1];
    if (top !== undefined && OPENERS.indexOf(text[top]!) === k) {
      match[top] = i;
      stack.pop();
    } else if (c !== '>') {
      // A stray closer: nothing open before it can be matched across it.
      stack.length = 0;
    }
  }
  return match;
}

/** The bracket matches of the last line scanned: the lexer asks about one line many times. */
let cachedText: string | null = null;
let cachedMatch: Int32Array = new Int32Array(0);
function matchesOf(text: string): Int32Array {
  if (cachedText !== text) {
    cachedText = text;
    cachedMatch = matchBrackets(text);
  }
  return cachedMatch;
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 36 || c === 96;
}
function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 36;
}

const OPERATOR_CHARS = '+-*/%^&|~!=<>,';

/** After `operator`: the operator's own spelling (`()`, `[]`, `<<=`, ` new`, ` delete[]`, ` bool`); its end. */
function operatorEnd(text: string, i: number): number {
  if (text.startsWith('()', i) || text.startsWith('[]', i)) return i + 2;
  if (text[i] === ' ') {
    let j = i + 1;
    while (j < text.length && isIdentChar(text.charCodeAt(j))) j++;
    if (j === i + 1) return i;
    if (text.startsWith('[]', j)) j += 2;
    return j;
  }
  let j = i;
  // `operator,` is real but `,` also separates arguments: only a lone `,` right before `(` is one.
  while (j < text.length && OPERATOR_CHARS.includes(text[j]!) && j - i < 3) {
    if (text[j] === ',' && text[j + 1] !== '(') break;
    j++;
  }
  return j;
}

/** Whether what follows a parameter list keeps it in the name: an offset, a scope, another list, a qualifier. */
function paramsContinue(text: string, j: number): boolean {
  const c = text[j];
  if (c === undefined) return false;
  if (c === '+' || c === '-' || c === '(' || c === '[' || c === '<') return true;
  if (c === ':' && text[j + 1] === ':') return true;
  if (c === ' ') {
    const r = text.slice(j + 1, j + 10);
    return r.startsWith('const') || r.startsWith('volatile') || r.startsWith('&') || r.startsWith('+');
  }
  return false;
}

/**
 * The end of a demangled name starting at `offset`, or -1 when the text there is not one (a plain
 * C symbol, which the ordinary Symbol token reads). Only starts at a word start.
 */
export function demangledEnd(text: string, offset: number): number {
  if (offset > 0) {
    const p = text.charCodeAt(offset - 1);
    if (p !== 32 && p !== 9) return -1;
  }
  let i = offset;
  let demangled = false;
  if (text[i] === '~') {
    i++;
    demangled = true;
  }
  const first = text.charCodeAt(i);
  const anon = text.startsWith('(anonymous namespace)::', i);
  if (!isIdentStart(first) && first !== 60 /* < */ && !anon) return -1;
  const match = matchesOf(text);
  let identStart = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isIdentChar(c)) {
      i++;
      continue;
    }
    const ident = text.slice(identStart, i);
    if (ident === 'operator' || ident.endsWith('::operator')) {
      const e = operatorEnd(text, i);
      if (e > i) {
        demangled = true;
        i = e;
        identStart = i;
        continue;
      }
    }
    const ch = text[i]!;
    if (ch === ':' && text[i + 1] === ':') {
      demangled = true;
      i += 2;
      // `Foo::~Foo`: a destructor.
      if (text[i] === '~') i++;
      identStart = i;
      continue;
    }
    // Only once the name is known to be demangled: a failed scan then never ran past one word.
    if ((ch === '&' || ch === '*') && demangled) {
      // A return type printed before a template function's name: `std::ostream& std::operator<< <...>(...)`.
      i++;
      identStart = i;
      continue;
    }
    if (ch === ' ' && i > offset && demangled) {
      const prev = text[i - 1]!;
      const next = text.charCodeAt(i + 1);
      if ((prev === '&' || prev === '*' || prev === '>') && (isIdentStart(next) || next === 60)) {
        i++;
        identStart = i;
        continue;
      }
      if (next === 60 /* < */ && OPERATOR_CHARS.includes(prev)) {
        // `operator<< <T>`: the template arguments of an operator, a space apart.
        i++;
        identStart = i;
        continue;
      }
      break;
    }
    if (ch === '<' || ch === '{' || ch === '[') {
      const m = match[i]!;
      if (m < 0) break;
      demangled = true;
      i = m + 1;
      identStart = i;
      continue;
    }
    if (ch === '(') {
      const m = match[i]!;
      // A parameter list is part of the name; the argument list mdb prints after it is not.
      if (m < 0 || !(paramsContinue(text, m + 1) || (i === offset && anon))) break;
      demangled = true;
      i = m + 1;
      identStart = i;
      if (text.startsWith(' const', i)) i += 6;
      continue;
    }
    break;
  }
  return demangled && i > offset ? i : -1;
}

/** Chevrotain custom matcher form. */
export function matchDemangled(text: string, offset: number): [string] | null {
  const end = demangledEnd(text, offset);
  return end < 0 ? null : [text.slice(offset, end)];
}
