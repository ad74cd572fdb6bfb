// Console panic lines a wrap cut: a terminal's copy of a serial console, a mail client. The
// kernel's lines are long (`panic[cpu3]/thread=...: BAD TRAP: type=e ... dereference` is 146
// characters) and a register row ends in a 16-digit value, so a wrap at 72 or 80 leaves pieces
// (`p=ffffff0007e01a30 addr=0 ...`, `0`) that read as nothing. The panic reader is the judge: a
// piece belongs to the lines before when it reads as no panic text alone and together they do.
import type { SourceLine } from '../../grammar/common/source.ts';
import { isBlank } from '../../grammar/common/lines.ts';
import { isConsolePanicLine } from '../../grammar/panic/index.ts';
import { consoleLines } from '../../grammar/panic/syslog.ts';
import { MAX_PIECES, sharedCutWidth, startsLogLine } from './log-line.ts';
import { MIN_WRAP_WIDTH, type Rejoined, type WidthSoFar } from './width-wrap.ts';
import { looksLikeProse } from './shapes.ts';
import { isHexDigits } from '../../grammar/common/numbers.ts';

/** Not a blank console line (`#012` too: an escaped newline) nor a log line of its own (log-line.ts). */
function mayBePiece(line: string): boolean {
  return !isBlank(line) && !consoleLines(line).every(isBlank) && !startsLogLine(line);
}

/**
 * Whether a wrap could have moved `line` down from after `last`: `last` runs to a wrap's width (a
 * fixed-width cut), or `line`'s first word, with the column padding before it, would not have fit
 * after it in the narrowest wrap there is (a cut at a space, the space stripped or not).
 */
function movedDown(last: string, line: string): boolean {
  if (last.length >= MIN_WRAP_WIDTH) return true;
  const rest = line.trimStart();
  const space = rest.indexOf(' ');
  return last.trimEnd().length + 1 + (line.length - rest.length) + (space < 0 ? rest.length : space) > MIN_WRAP_WIDTH;
}

/**
 * Whether `line` is the rest of the console panic line the lines `before` end with: the last
 * pieces before it (up to MAX_PIECES, no blank line among them) with it read as panic text,
 * joined as they are or with a space, and it reads as none alone or they do not. The head need not
 * read alone: a register row cut after its last name (`rdx:`) does not.
 */
export function restOfConsoleLine(before: readonly { text: string }[], line: string): boolean {
  const last = before[before.length - 1]?.text;
  if (last === undefined || !mayBePiece(line) || !movedDown(last, line)) return false;
  // A piece that reads alone (`ags=0x10246` from `... efl` + `ags=0x10246`) is a rest only of a head that does not.
  const alone = isConsolePanicLine(line);
  let text = '';
  for (let k = before.length - 1; k >= 0 && k >= before.length - MAX_PIECES; k--) {
    const t = before[k]!.text;
    if (!mayBePiece(t)) return false;
    text = t + text;
    if (alone && isConsolePanicLine(text)) return false;
    if (isConsolePanicLine(text + line) || isConsolePanicLine(`${text} ${line}`)) return true;
  }
  return false;
}

/** A panic line whose message is free text (`panic[cpu3]/thread=...: ...`, `panic: ...`, `BAD TRAP: ...`). */
function isMessageLine(text: string): boolean {
  return consoleLines(text).some((p) => {
    const t = p.trimStart();
    return t.startsWith('panic[') || t.startsWith('panic:') || t.startsWith('BAD TRAP:');
  });
}

/** Register names as the console prints them (`rdi`, `r8`, `fsb`, `cr0`): short, lower case or digits. */
const MAX_REGISTER_NAME = 4;

/**
 * `        rdi:                0 rsi: ffffff01d0a8e000 rdx:`: a console register row, maybe cut by a
 * wrap after a name or inside a value, so the panic reader refuses it. Names and hex values
 * alternate; a sentence never does.
 */
export function looksLikeRegisterRow(line: string): boolean {
  const ws = line.trim().split(/ +/);
  if (ws.length < 2) return false;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const ok = i % 2 === 0 ? w.length >= 3 && w.length <= MAX_REGISTER_NAME + 1 && w.endsWith(':') && /^[a-z0-9]+$/.test(w.slice(0, -1)) : isHexDigits(w);
    if (!ok) return false;
  }
  return true;
}

/**
 * Console panic lines a wrap cut, joined again. As with log lines (log-line.ts), the lines the
 * section cut (a head, or a piece in the middle of a line cut twice), two or more, sharing one
 * width say a fixed-width wrap, whose pieces join as they are; cuts at different widths say a wrap
 * at a space, whose space comes back where neither piece kept it. One cut is taken as fixed-width
 * when the input's other lines show that width (`inputWidth`, which a panic section waits for:
 * split.ts). Where only the other join reads as panic text, it is taken. A piece that reads as a
 * sentence is a person's line, prose, unless the wrap shows the line before it was cut. A panic
 * section is read whole.
 */
export function rejoinCutConsoleLines(lines: readonly SourceLine[], _widthAt: WidthSoFar, inputWidth: number): Rejoined {
  const rests = new Set<number>();
  const cutWidths = new Set<number>();
  let cuts = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!restOfConsoleLine(lines.slice(Math.max(0, i - MAX_PIECES), i), lines[i]!.text)) continue;
    rests.add(i);
    // The line before was cut, whether a head or a piece in the middle of a line cut twice; no wrap
    // is narrower than MIN_WRAP_WIDTH (a shorter one is a line its writer ended, the message going on).
    const width = lines[i - 1]!.text.length;
    if (width < MIN_WRAP_WIDTH) continue;
    cutWidths.add(width);
    cuts++;
  }
  if (rests.size === 0) return { lines, joined: new Map() };
  // One cut alone proves no width (a line may end wherever its writer ended it), unless the
  // input's other lines show the wrap's.
  const fixedWidth = sharedCutWidth(cutWidths, cuts) ?? (cutWidths.size === 1 && inputWidth >= MIN_WRAP_WIDTH && cutWidths.has(inputWidth) ? inputWidth : null);
  const fixed = fixedWidth !== null;
  /**
   * A sentence after a line that reads alone joins it only where the wrap shows (the space a wrap at
   * a space leaves, the line running to the width); else it is a person's (`I think this is the
   * same bug as ...`), which would read as the panic message's.
   */
  const cutBefore = (prev: string, next: string) =>
    !looksLikeProse(next) || prev.endsWith(' ') || (fixed && prev.length === fixedWidth) || (inputWidth >= MIN_WRAP_WIDTH && prev.length === inputWidth);
  const joined = new Map<number, number[]>();
  const prose: number[] = [];
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    let text = head.text;
    const rest: number[] = [];
    // At most MAX_PIECES, as restOfConsoleLine looks back: a chain of pieces is never re-read whole.
    while (rests.has(i + 1) && rest.length < MAX_PIECES) {
      const next = lines[i + 1]!.text;
      // A line that reads as nothing without the piece needs it (`Bad` + `kernel fault at addr=0x28`).
      if (!cutBefore(lines[i]!.text, next) && isConsolePanicLine(text)) {
        // The person's line and its pieces are not the panic's. After a message line, neither is
        // what follows up to the next panic line or blank line, which the reader would take as more
        // of the message; after any other line, what follows is left to the reader to judge.
        const message = isMessageLine(text);
        while (i + 1 < lines.length && (rests.has(i + 1) || (message && !isBlank(lines[i + 1]!.text) && !isConsolePanicLine(lines[i + 1]!.text)))) prose.push(lines[++i]!.no);
        break;
      }
      const asIs = text + next;
      const spaced = `${text} ${next}`;
      const keep = text.endsWith(' ') || next.startsWith(' ') || fixed;
      text = keep ? (isConsolePanicLine(asIs) || !isConsolePanicLine(spaced) ? asIs : spaced) : isConsolePanicLine(spaced) || !isConsolePanicLine(asIs) ? spaced : asIs;
      rest.push(lines[i + 1]!.no);
      i++;
    }
    out.push(rest.length === 0 ? head : { no: head.no, text });
    if (rest.length > 0) joined.set(head.no, rest);
  }
  return { lines: out, joined, ...(prose.length > 0 ? { prose } : {}) };
}
