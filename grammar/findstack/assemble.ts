// Builds StackRecords from parsed `::findstack` lines. A block starts at every
// `stack pointer for thread` line (`::walk thread | ::findstack` concatenates blocks with no
// separator); `mdb:` warnings and `Possible stack pointers` lists stand in for a block that failed.
import { first, one } from '../common/cst.ts';
import type { Diagnostic } from '../common/source.ts';
import type { Frame, StackRecord } from '../records.ts';
import { frameFromCst, lonePointer, pcFromCst } from '../frames/cst.ts';
import type { FindstackLineCstNode, FrameCstNode } from './cst-types.ts';
import { isDecimalDigits, isHexDigits } from '../common/numbers.ts';
import { blankStackRecord } from '../common/stack-record.ts';

type Source = StackRecord['source'];

/** The thread a warning names (`... for thread ffff...`, `thread 0x1 at ...`, `read thread at X`), or null. */
export function threadInWarning(text: string): string | null {
  const words = text.split(' ');
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] !== 'thread') continue;
    let w = words[i + 1]!;
    if (w === 'at' && i + 2 < words.length) w = words[i + 2]!;
    while (w.length > 0 && ':,;.'.includes(w[w.length - 1]!)) w = w.slice(0, -1);
    const bare = w.startsWith('0x') ? w.slice(2) : w;
    if (isHexDigits(bare)) return w;
  }
  return null;
}

export class FindstackAssembler {
  readonly records: StackRecord[] = [];
  private cur: StackRecord | null = null;
  /** Entries of a `Possible stack pointers` list being read, or null. */
  private possible: string[] | null = null;

  /** @param forced the source the command line decides, or null to decide per block from the frames. */
  constructor(private readonly forced: Source | null) {}

  /** Takes one parsed line (the `findstackLine` CST). Returns a diagnostic when it does not fit. */
  feed(line: FindstackLineCstNode, no: number, text: string): Diagnostic | null {
    const c = line.children;
    if (c.threadHeader) {
      const h = one(c.threadHeader).children;
      const desc = first(h.ThreadDesc);
      this.feedHeader({ thread: one(h.thread).image, free: h.TsFree !== undefined, desc: desc ? desc.image.slice(1, -1) : null, sp: one(h.sp).image }, no);
    } else if (c.savedPc) {
      const p = one(c.savedPc).children;
      const { func, offset } = pcFromCst(one(p.pc));
      this.feedSavedPc({ sp: one(p.sp).image, func, offset }, no);
    } else if (c.possibleHeader) {
      this.close();
      const rec = blankStackRecord(no, 'findstack');
      rec.thread = one(one(c.possibleHeader).children.thread).image;
      rec.failure = 'Possible stack pointers';
      this.cur = rec;
      this.possible = [];
    } else if (c.frame) {
      const frame = one(c.frame);
      const entry = this.possible ? possibleEntry(frame) : null;
      if (this.possible && entry) this.possible.push(entry);
      else {
        const lone = lonePointer(frame, 'findstack');
        if (lone !== null) return { line: no, col: text.length - text.trimStart().length + 1, message: lone };
        this.feedFrame(frameFromCst(frame, no));
      }
    } else if (c.warning) {
      this.warning(text.trim(), no);
    }
    // elision: an author's `...`, read and skipped
    return null;
  }

  private warning(msg: string, no: number): void {
    const named = threadInWarning(msg);
    const cur = this.cur;
    if (cur && !this.possible && cur.failure === null && cur.frames.length === 0 && named !== null && named === cur.thread) {
      cur.failure = msg;
      return;
    }
    this.close();
    const rec = blankStackRecord(no, 'findstack');
    rec.thread = named;
    rec.failure = msg;
    this.records.push(this.finishSource(rec));
  }

  /** Takes a `stack pointer for thread` line already read: it starts a block. */
  feedHeader(h: { thread: string; free: boolean; desc: string | null; sp: string }, no: number): void {
    this.close();
    const rec = blankStackRecord(no, 'findstack');
    rec.thread = h.thread;
    rec.free = h.free;
    rec.threadDesc = h.desc;
    rec.sp = h.sp;
    this.cur = rec;
  }

  /** Takes a `[ sp pc() ]` line already read. */
  feedSavedPc(pc: { sp: string; func: string; offset: number | null }, no: number): void {
    // After frames (or with no block open) it means a header was lost: start a new block.
    if (!this.cur || this.possible || this.cur.frames.length > 0 || this.cur.savedPc) this.startHeaderless(no);
    this.cur!.savedPc = { sp: pc.sp, func: pc.func, offset: pc.offset, line: no };
  }

  /** Takes one frame line already read (by the fast path, or from its CST). */
  feedFrame(frame: Frame): void {
    if (this.possible || !this.cur || this.cur.failure !== null) this.startHeaderless(frame.line);
    this.cur!.frames.push(frame);
  }

  /** Closes the last block; call once after the last line. */
  finish(): StackRecord[] {
    this.close();
    return this.records;
  }

  private startHeaderless(no: number): void {
    this.close();
    this.cur = blankStackRecord(no, 'findstack');
  }

  private close(): void {
    const cur = this.cur;
    if (!cur) return;
    if (this.possible && this.possible.length > 0) cur.failure = 'Possible stack pointers: ' + this.possible.join(', ');
    // Kept for the whole analysis: drop the room that growing by push left (an array of 17 for 6 frames).
    if (cur.frames.length > 0) cur.frames = cur.frames.slice();
    this.records.push(this.finishSource(cur));
    this.cur = null;
    this.possible = null;
  }

  private finishSource(rec: StackRecord): StackRecord {
    rec.source = this.forced ?? (rec.frames.some((f) => f.args !== null && f.args.length > 0) ? 'findstack-v' : 'findstack');
    return rec;
  }
}

/** `  fp (levels)` of a `Possible stack pointers` list, read by the frame rule as `fp(levels)`. */
function possibleEntry(frame: FrameCstNode): string | null {
  const c = frame.children;
  if (c.fp) return null;
  const pc = one(c.pc).children;
  const args = first(c.frameArgs);
  if (!args || pc.offset) return null;
  const fp = one(pc.func).image;
  const levels = args.children.arg ?? [];
  if (!isHexDigits(fp) || levels.length !== 1 || !isDecimalDigits(levels[0]!.image)) return null;
  return `${fp} (${levels[0]!.image})`;
}
