// Which screen is showing, as a stack so Esc goes back the way the user came.
export type View =
  | { kind: 'summary' }
  | { kind: 'findings' }
  | { kind: 'finding'; index: number }
  | { kind: 'cpu'; id: number }
  | { kind: 'threads' }
  | { kind: 'thread'; addr: string }
  | { kind: 'prompt' }
  | { kind: 'whatif' }
  | { kind: 'paste' }
  | { kind: 'open' }
  | { kind: 'save' }
  | { kind: 'filter'; list: FilterList }
  | { kind: 'help' };

/** The lists `/` filters. */
export type FilterList = 'threads' | 'findings';

export type ViewKind = View['kind'];

/** Views that take typed text: global single-letter keys are off while they show. */
export function capturesText(v: View): boolean {
  return v.kind === 'prompt' || v.kind === 'paste' || v.kind === 'open' || v.kind === 'save' || v.kind === 'filter';
}

export function top(stack: readonly View[]): View {
  return stack[stack.length - 1] ?? { kind: 'summary' };
}

export function push(stack: readonly View[], v: View): View[] {
  return [...stack, v];
}

export function pop(stack: readonly View[]): View[] {
  return stack.length > 1 ? stack.slice(0, -1) : [...stack];
}

/** A top-level key (s, f, t, :, w) jumps there from anywhere, keeping the summary as the root. */
export function jump(v: View): View[] {
  return v.kind === 'summary' ? [v] : [{ kind: 'summary' }, v];
}

/** Navigation handed to views. */
export interface Nav {
  push(v: View): void;
  back(): void;
}
