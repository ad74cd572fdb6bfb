// Section reader for `::stacks` (kernel and userland), one StacksGroupRecord per group.
// A group is its group line (plus `-a` member rows), then frames, ended by an empty line.
// Frames with no group line before them (a paste that starts mid-group) form a group whose
// thread, state, sobj and count are null.
import type { CstNode, ISerializedGast } from '../common/chevrotain.ts';
import { isDecimalDigits } from '../common/numbers.ts';
import type { Diagnostic, GrammarResult, SectionParser } from '../common/source.ts';
import type { StacksGroupRecord } from '../records.ts';
import { chosen, pcFrame, sub, tok } from '../frames/cst.ts';
import { firstProblem, isBlank, misplaced, renumber } from '../frames/support.ts';
import { parseStacksLine } from './api.ts';
import { stacksParser } from './parser.ts';

export { parseStacksLine } from './api.ts';

function group(line: number): StacksGroupRecord {
  return { kind: 'stacksGroup', line, thread: null, members: [], state: null, sobj: null, count: null, frames: [], failure: null };
}

function stateText(state: CstNode): string {
  const v = tok(state, 'value');
  return tok(state, 'name')!.image + (v ? '/' + v.image : '');
}

export const parseStacks: SectionParser = (lines): GrammarResult => {
  const unrecognized: Diagnostic[] = [];
  const result: GrammarResult = { records: [], unrecognized, lexErrors: [], parseErrors: [] };
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
    const { cst, ...errors } = parseStacksLine(text);
    renumber(errors, no);
    result.lexErrors.push(...errors.lexErrors);
    result.parseErrors.push(...errors.parseErrors);
    const problem = firstProblem('stacks', text, no, errors);
    if (problem) {
      unrecognized.push(problem);
      continue;
    }
    const kind = chosen(cst);
    const node = kind ? sub(cst, kind)! : cst;
    switch (kind) {
      case 'header':
        close();
        break;
      case 'groupLine': {
        const thread = tok(node, 'thread')!.image;
        const count = tok(node, 'count')!.image;
        if (count === '-') {
          // `-a` member row: belongs to the group line above it, before any frame.
          const open = cur as StacksGroupRecord | null;
          if (open && open.frames.length === 0 && open.failure === null) {
            open.members.push({ thread, line: no });
            break;
          }
          close();
          cur = group(no);
          cur.state = stateText(sub(node, 'state')!);
          cur.sobj = tok(sub(node, 'sobj')!, 'name')!.image;
          cur.members.push({ thread, line: no });
          break;
        }
        if (!isDecimalDigits(count)) {
          unrecognized.push(misplaced('stacks', no, text, `COUNT '${count.slice(0, 20)}' is not a decimal number`));
          break;
        }
        close();
        cur = group(no);
        cur.thread = thread;
        cur.state = stateText(sub(node, 'state')!);
        cur.sobj = tok(sub(node, 'sobj')!, 'name')!.image;
        cur.count = Number.parseInt(count, 10);
        break;
      }
      case 'pc':
        cur ??= group(no);
        cur.frames.push(pcFrame(node, no));
        break;
      case 'failure':
        cur ??= group(no);
        cur.failure = tok(node, 'text')!.image;
        break;
      default:
        break; // `mdb:` progress/warning lines and `...` elisions: read, nothing to keep
    }
  }
  close();
  return result;
};

/** Serialized grammar of a `::stacks` line, for railroad diagrams. */
export function stacksProductions(): ISerializedGast[] {
  return stacksParser.getSerializedGastProductions();
}
