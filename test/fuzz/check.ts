// What must hold for any input: no exception, the line accounting adds up, every line number
// points into the input, and outputs are safe (terminal text has no control characters, JSON
// parses, Markdown cannot smuggle HTML or links out of the input).
import type { Analysis } from '../../src/analysis.ts';

export interface Failure {
  /** Which part failed: `analyze`, `triage`, `report:text`, `render:cpuinfo`... */
  stage: string;
  /** crash | hang | internal-error | accounting | line-range | control-chars | json | markdown-injection | out-of-memory */
  kind: string;
  message: string;
}

/**
 * How an output reaches the user, which decides what makes it unsafe. `raw` is mdb text for
 * callers that neutralize it themselves: it must only be produced without throwing.
 */
export type OutputKind = 'terminal' | 'markdown' | 'json' | 'raw';

export interface OutputTarget {
  name: string;
  kind: OutputKind;
  render(a: Analysis, text: string): string | Promise<string>;
}

export interface Targets {
  analyze(text: string): Analysis;
  outputs: OutputTarget[];
  /** Further paths through the code that check themselves (triage's lean analysis and records). */
  extra?: { name: string; check(text: string, full: Analysis): Failure[] | Promise<Failure[]> }[];
  /** Modules that were looked for and not found (for the harness's notes). */
  missing: string[];
}

/**
 * Lines as the contract counts them: each LF-separated piece is a line (the empty one after a
 * final LF excepted), and each CR that ends a line of its own adds one. CRs next to an LF belong
 * to it: a run of them before an LF (CRLF, CR CR LF) or at the text's end (its final terminator),
 * and one right after an LF (LF CR).
 */
export function expectedLineCount(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  if (text.endsWith('\n')) n--;
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) !== 13) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text.charCodeAt(j) === 13) j++;
    const afterLf = i > 0 && text.charCodeAt(i - 1) === 10;
    if (j < text.length && text.charCodeAt(j) !== 10) n += j - i - (afterLf ? 1 : 0);
    i = j;
  }
  return n;
}

export function checkAccounting(text: string, a: Analysis): Failure[] {
  const out: Failure[] = [];
  const acc = a.accounting;
  const want = expectedLineCount(text);
  const fail = (message: string) => out.push({ stage: 'analyze', kind: 'accounting', message });
  if (acc.lines !== want) fail(`accounting.lines = ${acc.lines}, input has ${want} lines`);
  if (acc.parsed + acc.prose + acc.unrecognized !== acc.lines)
    fail(`parsed ${acc.parsed} + prose ${acc.prose} + unrecognized ${acc.unrecognized} != lines ${acc.lines}`);
  if (a.lines.length !== want) fail(`analysis.lines has ${a.lines.length} entries, input has ${want} lines`);
  for (const k of ['parsed', 'prose', 'unrecognized'] as const)
    if (!Number.isInteger(acc[k]) || acc[k] < 0) fail(`accounting.${k} = ${acc[k]}`);
  return out;
}

/** Where an internal error was raised: the first frame of its stack, for grouping and replay. */
function firstFrame(stack: string | undefined): string {
  const at = (stack ?? '').split('\n').find((l) => l.trim().startsWith('at '));
  return at === undefined ? '' : ` @ ${at.trim().slice(3)}`;
}

/**
 * playfair's own failures caught by its safety nets (a grammar or rule that threw): each is a
 * failure, however well the rest of the analysis went. One per distinct message, so a grammar
 * crash on a thousand-line section is one failure, not a thousand.
 */
export function checkInternal(a: Pick<Analysis, 'diagnostics' | 'notes'>, stage = 'analyze'): Failure[] {
  const out = new Map<string, Failure>();
  const add = (key: string, message: string, stack: string | undefined) => {
    if (!out.has(key)) out.set(key, { stage, kind: 'internal-error', message: `${message.slice(0, 300)}${firstFrame(stack)}` });
  };
  for (const d of a.diagnostics) if (d.kind === 'internal' && !d.message.startsWith('continues line ')) add(d.message, `line ${d.line}: ${d.message}`, d.stack);
  for (const n of a.notes) if (n.kind === 'internal') add(`${n.rule}: ${n.message}`, `rule ${n.rule}: ${n.message}`, n.stack);
  return [...out.values()];
}

/** Every `line` (and `*Line`, `lines` map) anywhere in the analysis is a line of the input. */
export function checkLineRefs(a: Analysis): Failure[] {
  const n = a.accounting.lines;
  const bad: string[] = [];
  const seen = new Set<object>();
  const visit = (v: unknown, path: string): void => {
    if (bad.length >= 3 || v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) visit(v[i], `${path}[${i}]`);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      const isLineKey = k === 'line' || k === 'no' || k === 'startLine' || k === 'endLine' || (k.endsWith('Line') && typeof x === 'number');
      if (isLineKey && typeof x === 'number' && !(Number.isInteger(x) && x >= 1 && x <= n)) bad.push(`${path}.${k} = ${x}`);
      else if ((k === 'lines' || k === 'tunableLines') && x !== null && typeof x === 'object' && !Array.isArray(x)) {
        for (const [f, l] of Object.entries(x)) if (typeof l !== 'number' || !Number.isInteger(l) || l < 1 || l > n) bad.push(`${path}.${k}.${f} = ${String(l)}`);
      } else visit(x, `${path}.${k}`);
    }
  };
  // `lines` (the input text) is the one array of strings; skip it.
  const { lines: _text, ...rest } = a;
  visit(rest, 'analysis');
  return bad.length === 0 ? [] : [{ stage: 'analyze', kind: 'line-range', message: `line numbers outside 1..${n}: ${bad.join('; ')}` }];
}

/** The first character a terminal would act on: C0 except LF, DEL, C1, or a bidi override. */
export function firstControlChar(s: string): { index: number; code: number } | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 10) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      return { index: i, code: c };
  }
  return null;
}

/** HTML and links the input tried to smuggle in, found outside code fences and code spans. */
export function markdownInjection(md: string): string | null {
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    const t = line.trimStart();
    const m = /^(`{3,}|~{3,})/.exec(t);
    if (m) {
      if (fence === null) fence = m[1]!;
      else if (m[1]![0] === fence[0] && m[1]!.length >= fence.length && t.slice(m[1]!.length).trim() === '') fence = null;
      continue;
    }
    if (fence !== null || line.startsWith('    ')) continue;
    const prose = stripCodeSpans(line);
    for (const bad of ['<script', '<img', '</details', '<!--', '](javascript:', '<a ', '<iframe']) {
      if (prose.toLowerCase().includes(bad)) return `${JSON.stringify(bad)} outside code in: ${line.slice(0, 120)}`;
    }
  }
  return null;
}

function stripCodeSpans(line: string): string {
  // A code span opens with a run of N backticks and closes with the next run of exactly N.
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      out += line[i];
      i++;
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n++;
    let j = i + n;
    let close = -1;
    while (j < line.length) {
      if (line[j] === '`') {
        let m = 0;
        while (line[j + m] === '`') m++;
        if (m === n) {
          close = j;
          break;
        }
        j += m;
      } else j++;
    }
    if (close < 0) {
      out += line.slice(i, i + n);
      i += n;
    } else i = close + n;
  }
  return out;
}

export function checkOutput(kind: OutputKind, stage: string, out: unknown): Failure[] {
  if (typeof out !== 'string') return [{ stage, kind: 'crash', message: `renderer returned ${typeof out}, not a string` }];
  if (kind === 'raw') return [];
  if (kind === 'json') {
    // JSON.parse rejects raw C0 characters inside strings, so parsing is the escaping check.
    try {
      JSON.parse(out);
      return [];
    } catch (e) {
      return [{ stage, kind: 'json', message: `output does not parse: ${(e as Error).message}` }];
    }
  }
  const cc = firstControlChar(out);
  if (cc) return [{ stage, kind: 'control-chars', message: `U+${hex4(cc.code)} at offset ${cc.index}: ${JSON.stringify(out.slice(Math.max(0, cc.index - 30), cc.index + 10))}` }];
  if (kind === 'markdown') {
    const inj = markdownInjection(out);
    if (inj) return [{ stage, kind: 'markdown-injection', message: inj }];
  }
  return [];
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

export function crash(stage: string, e: unknown): Failure {
  const err = e instanceof Error ? e : new Error(String(e));
  const at = (err.stack ?? '').split('\n').slice(1, 4).map((s) => s.trim()).join(' < ');
  return { stage, kind: 'crash', message: `${err.name}: ${err.message.slice(0, 300)}${at ? ` @ ${at}` : ''}` };
}

/** Runs one input through every target. Never throws. */
export async function checkText(text: string, targets: Targets): Promise<Failure[]> {
  let a: Analysis;
  try {
    a = targets.analyze(text);
  } catch (e) {
    return [crash('analyze', e)];
  }
  const failures = [...checkInternal(a), ...checkAccounting(text, a), ...checkLineRefs(a)];
  for (const t of targets.outputs) {
    const stage = t.name;
    try {
      failures.push(...checkOutput(t.kind, stage, await t.render(a, text)));
    } catch (e) {
      failures.push(crash(stage, e));
    }
  }
  for (const x of targets.extra ?? []) {
    try {
      failures.push(...(await x.check(text, a)));
    } catch (e) {
      failures.push(crash(x.name, e));
    }
  }
  return failures;
}

/** Groups failures that are the same bug: stage, kind and the message with numbers and quotes blurred. */
export function signature(f: Failure): string {
  const msg = f.message
    .replace(/ @ .*$/, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/[0-9a-f]{6,}/gi, 'H')
    .replace(/\d+/g, 'N')
    .slice(0, 80);
  return `${f.stage}/${f.kind}/${msg}`;
}
