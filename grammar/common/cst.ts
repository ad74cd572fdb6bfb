// Reading the typed CSTs the grammars build (types generated per grammar in <grammar>/cst-types.ts):
// required children through `one`, optional ones through `first`, and tokens in source order.
import type { CstNode, IToken } from './chevrotain.ts';

/**
 * The first element of a child list the grammar always fills (a CONSUME or SUBRULE outside any
 * OPTION). Missing means the grammar and its reader disagree: a bug, thrown for the safety net.
 */
export function one<T>(list: readonly T[] | undefined): T {
  const v = list?.[0];
  if (v === undefined) throw new Error('grammar bug: a required CST child is missing');
  return v;
}

/** The first element of an optional child list, or undefined. */
export function first<T>(list: readonly T[] | undefined): T | undefined {
  return list?.[0];
}

/**
 * The one token of a node whose alternatives are single tokens (a cell that is `yes` or `no`, a
 * verb that is one of six token types). None is a grammar bug, thrown for the safety net.
 */
export function onlyToken(children: Readonly<Record<string, readonly IToken[] | undefined>>): IToken {
  for (const k of Object.keys(children)) {
    const t = children[k]?.[0];
    if (t !== undefined) return t;
  }
  throw new Error('grammar bug: a node of single-token alternatives has none');
}

/** The 0-based offset just past a token. */
export function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

/** Every token under a CST node, in source order. Without recursion: nesting depth costs no stack. */
export function tokensOf(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const todo: CstNode[] = [node];
  for (let n = todo.pop(); n !== undefined; n = todo.pop()) {
    for (const key of Object.keys(n.children)) {
      for (const el of n.children[key]!) {
        if ('image' in el) out.push(el);
        else todo.push(el);
      }
    }
  }
  out.sort((a, b) => a.startOffset - b.startOffset);
  return out;
}
