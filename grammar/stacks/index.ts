// Section reader for `::stacks` (kernel and userland), one StacksGroupRecord per group.
// A group is its group line (plus `-a` member rows), then frames, ended by an empty line.
// Frames with no group line before them (a paste that starts mid-group) form a group whose
// thread, state, sobj and count are null.
import { stateFromName, type ThreadState } from '../../illumos/thread-state.ts';
import type { ISerializedGast } from '../common/chevrotain.ts';
import { first, one } from '../common/cst.ts';
import { guarded, misplaced, readLine } from '../common/diagnostics.ts';
import { isBlank, shown } from '../common/lines.ts';
import { isDecimalDigits, parseMdbInt } from '../common/numbers.ts';
import { emptyResult, type GrammarResult, type SectionParser } from '../common/source.ts';
import type { StacksGroupRecord } from '../records.ts';
import { pcFrame } from '../frames/cst.ts';
import { parseStacksLine } from './api.ts';
import type { GroupLineCstChildren, StateCstNode } from './cst-types.ts';
import { stacksParser } from './parser.ts';

export { parseStacksLine } from './api.ts';

function group(line: number): StacksGroupRecord {
  return { kind: 'stacksGroup', line, thread: null, members: [], state: null, stateText: null, sobj: null, count: null, frames: [], failure: null };
}

/** The STATE column as printed (`SLEEP`, `INVAL/ff`) and the state it names, null when none. */
function stateOf(node: StateCstNode): { text: string; state: ThreadState | null } {
  const v = first(node.children.value);
  const name = one(node.children.name).image;
  return { text: name + (v ? '/' + v.image : ''), state: v ? null : stateFromName(name) };
}

/** Fills the STATE and SOBJ columns of a group line into `g`. */
function fillColumns(g: StacksGroupRecord, c: GroupLineCstChildren): void {
  const st = stateOf(one(c.state));
  g.state = st.state;
  g.stateText = st.text;
  g.sobj = one(one(c.sobj).children.name).image;
}

export const parseStacks: SectionParser = (lines): GrammarResult => {
  const result = emptyResult();
  const unrecognized = result.unrecognized;
  let cur: StacksGroupRecord | null = null;
  const close = (): void => {
    if (cur) result.records.push(cur);
    cur = null;
  };
  for (const { no, text } of lines) {
    if (isBlank(text)) {
      close();
      continue;
    }
    guarded(unrecognized, no, 'stacks', () => {
      const r = readLine('stacks', text, no, parseStacksLine);
      if (r.problem) {
        unrecognized.push(r.problem);
        return;
      }
      const c = r.cst.children;
      if (c.header) {
        close();
      } else if (c.groupLine) {
        const g = one(c.groupLine).children;
        const thread = one(g.thread).image;
        const count = one(g.count).image;
        if (count === '-') {
          // `-a` member row: belongs to the group line above it, before any frame.
          const open = cur as StacksGroupRecord | null;
          if (open && open.frames.length === 0 && open.failure === null) {
            open.members.push({ thread, line: no });
            return;
          }
          close();
          cur = group(no);
          fillColumns(cur, g);
          cur.members.push({ thread, line: no });
          return;
        }
        if (!isDecimalDigits(count)) {
          unrecognized.push(misplaced('stacks', no, text, `COUNT '${shown(count, 20)}' is not a decimal number`));
          return;
        }
        // Exact or refused: a count past 2^53 would silently round as a JS number.
        const n = parseMdbInt(count, 10);
        if (n === null || n > Number.MAX_SAFE_INTEGER) {
          unrecognized.push(misplaced('stacks', no, text, `COUNT '${shown(count, 24)}' is too large to hold exactly`));
          return;
        }
        close();
        cur = group(no);
        cur.thread = thread;
        fillColumns(cur, g);
        cur.count = n;
      } else if (c.pc) {
        cur ??= group(no);
        cur.frames.push(pcFrame(one(c.pc), no));
      } else if (c.failure) {
        cur ??= group(no);
        cur.failure = one(one(c.failure).children.text).image;
      }
      // `mdb:` progress/warning lines and `...` elisions: read, nothing to keep
    });
  }
  close();
  return result;
};

/** Serialized grammar of a `::stacks` line, for railroad diagrams. */
export function stacksProductions(): ISerializedGast[] {
  return stacksParser.getSerializedGastProductions();
}
