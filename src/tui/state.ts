// The TUI's state and the one pure function that changes it: reduce(state, action) -> state.
// Everything App shows comes from here; the hooks (use-*.ts) turn keys, loads, commands and
// simulations into actions. Pure, so every transition is tested without a terminal.
import type { Analysis } from '../analysis.ts';
import type { Finding } from '../rules/types.ts';
import { sortedFindings } from '../rules/policy.ts';
import type { Key } from './keypress.ts';
import { capturesText, jump, pop, push, top, type FilterList, type View } from './view-state.ts';
import type { WhatIfReport } from './services.ts';
import type { KpreemptMode } from '../sim/whatif.ts';

export interface WhatIfState {
  kpreemptpri: string;
  /** How the kpreemptpri change is applied: boot-time fix (kpqpri follows) or live patch (kpqpri stays). */
  mode: KpreemptMode;
  report: WhatIfReport | null;
  /** The value the shown report was computed with. */
  ranWith: number | null;
  busy: boolean;
  error: string | null;
}

export const NO_WHATIF: WhatIfState = { kpreemptpri: '99', mode: 'boot', report: null, ranWith: null, busy: false, error: null };

export interface TuiState {
  analysis: Analysis | null;
  /** The analysis's findings worst first (policy order); views index into this one copy. */
  findings: Finding[];
  /** Loading in progress, or the preview notice. */
  status: string | null;
  /** The last load's failure. */
  error: string | null;
  /** The last `o` open's failure, shown in the open view. */
  openError: string | null;
  stack: View[];
  /** Cursor per list (`summary`, `findings`, `threads`, `cpu<id>`). */
  cursors: Record<string, number>;
  /** Loads started so far: a load's results apply only while it is the newest. */
  generation: number;
  /** Whether the newest load has shown a preview. */
  previewed: boolean;
  /** The prompt: scrollback, history, commands waiting to run (a paste of several lines). */
  log: string[];
  history: string[];
  commands: string[];
  running: boolean;
  promptScroll: number;
  whatIf: WhatIfState;
  /** `/` filters: text a thread or finding must contain to be listed ('' lists all). */
  filters: Record<FilterList, string>;
  /** One line of feedback that is no error (e.g. "report saved to ..."). */
  notice: string | null;
  quit: boolean;
}

export function initialState(analysis: Analysis | null): TuiState {
  return {
    analysis,
    findings: analysis ? sortedFindings(analysis.findings) : [],
    status: null,
    error: null,
    openError: null,
    stack: [{ kind: 'summary' }],
    cursors: {},
    generation: 0,
    previewed: false,
    log: [],
    history: [],
    commands: [],
    running: false,
    promptScroll: 0,
    whatIf: NO_WHATIF,
    filters: { threads: '', findings: '' },
    notice: null,
    quit: false,
  };
}

export type Action =
  | { type: 'push'; view: View }
  | { type: 'back' }
  | { type: 'jump'; view: View }
  | { type: 'toggleHelp' }
  | { type: 'quit' }
  | { type: 'cursor'; list: string; n: number }
  | { type: 'loadStart'; status: string }
  | { type: 'preview'; generation: number; analysis: Analysis; status: string }
  | { type: 'loaded'; generation: number; analysis: Analysis }
  | { type: 'loadFailed'; generation: number; message: string }
  | { type: 'openFailed'; message: string }
  | { type: 'openClosed' }
  | { type: 'command'; line: string }
  | { type: 'commandStart' }
  | { type: 'commandDone'; lines: readonly string[] }
  | { type: 'promptScroll'; n: number }
  | { type: 'whatIfValue'; value: string }
  | { type: 'whatIfMode'; mode: KpreemptMode }
  | { type: 'whatIfStart' }
  | { type: 'whatIfDone'; report: WhatIfReport; ranWith: number }
  | { type: 'whatIfFailed'; message: string }
  | { type: 'filter'; list: FilterList; query: string }
  | { type: 'saved'; message: string }
  | { type: 'notice'; text: string | null };

/** Views tied to one input's findings, CPUs or threads go when another input loads. */
function dropTied(stack: View[], kinds: readonly View['kind'][]): View[] {
  return stack.some((v) => kinds.includes(v.kind)) ? [{ kind: 'summary' }] : stack;
}

/** Appends without spreading: command output can be longer than the stack has room for. */
function append(log: readonly string[], more: readonly string[]): string[] {
  return log.concat(more);
}

export function reduce(s: TuiState, a: Action): TuiState {
  switch (a.type) {
    // Moving on clears the last notice: it was about the screen being left.
    case 'push':
      return { ...s, notice: null, stack: push(s.stack, a.view) };
    case 'back':
      return { ...s, notice: null, stack: pop(s.stack) };
    case 'jump':
      return { ...s, notice: null, stack: jump(a.view) };
    case 'toggleHelp':
      return { ...s, stack: top(s.stack).kind === 'help' ? pop(s.stack) : push(s.stack, { kind: 'help' }) };
    case 'quit':
      return { ...s, quit: true };
    case 'cursor':
      return { ...s, cursors: { ...s.cursors, [a.list]: a.n } };
    case 'loadStart':
      return { ...s, generation: s.generation + 1, previewed: false, error: null, openError: null, status: a.status };
    case 'preview':
      if (a.generation !== s.generation) return s;
      return {
        ...s,
        analysis: a.analysis,
        findings: sortedFindings(a.analysis.findings),
        previewed: true,
        cursors: {},
        stack: dropTied(s.stack, ['finding', 'cpu', 'thread']),
        status: a.status,
      };
    case 'loaded':
      if (a.generation !== s.generation) return s; // a newer load won
      return {
        ...s,
        analysis: a.analysis,
        findings: sortedFindings(a.analysis.findings),
        cursors: s.previewed ? s.cursors : {},
        filters: s.previewed ? s.filters : { threads: '', findings: '' },
        whatIf: { ...NO_WHATIF, kpreemptpri: s.whatIf.kpreemptpri, mode: s.whatIf.mode },
        // After a preview, CPUs and threads keep their identity; finding numbers may not.
        stack: dropTied(s.stack, s.previewed ? ['finding'] : ['finding', 'cpu', 'thread']),
        status: null,
      };
    case 'loadFailed':
      if (a.generation !== s.generation) return s;
      return { ...s, status: null, error: a.message };
    case 'openFailed':
      return { ...s, status: null, openError: a.message };
    case 'openClosed':
      return top(s.stack).kind === 'open' ? { ...s, stack: pop(s.stack) } : s;
    case 'command': {
      const text = a.line.trim();
      if (!text) return s;
      if (text === '$q' || text === '::quit') return { ...s, stack: pop(s.stack) };
      const base = { ...s, history: [...s.history, text], promptScroll: 0 };
      if (!s.analysis) return { ...base, log: append(s.log, [`> ${text}`, 'nothing loaded: p to paste a dump, o to open one']) };
      return { ...base, commands: [...s.commands, text] };
    }
    case 'commandStart': {
      // Echoed when it runs, so each command's output follows it even when lines queue up.
      const next = s.commands[0];
      return next === undefined ? s : { ...s, running: true, log: append(s.log, [`> ${next}`]) };
    }
    case 'commandDone':
      return { ...s, commands: s.commands.slice(1), running: false, log: append(s.log, a.lines), promptScroll: 0 };
    case 'promptScroll':
      return { ...s, promptScroll: Math.max(0, a.n) };
    case 'whatIfValue':
      return { ...s, whatIf: { ...s.whatIf, kpreemptpri: a.value } };
    case 'whatIfMode':
      return { ...s, whatIf: { ...s.whatIf, mode: a.mode } };
    case 'whatIfStart':
      return { ...s, whatIf: { ...s.whatIf, busy: true, error: null } };
    case 'whatIfDone':
      return { ...s, whatIf: { ...s.whatIf, busy: false, report: a.report, ranWith: a.ranWith } };
    case 'whatIfFailed':
      return { ...s, whatIf: { ...s.whatIf, busy: false, error: a.message } };
    case 'filter':
      // The cursor goes to the first match: the old row number means nothing in the new list.
      return { ...s, filters: { ...s.filters, [a.list]: a.query }, cursors: { ...s.cursors, [a.list]: 0 } };
    case 'saved':
      return { ...s, notice: a.message, stack: top(s.stack).kind === 'save' ? pop(s.stack) : s.stack };
    case 'notice':
      return { ...s, notice: a.text };
  }
}

/**
 * The global keys (s f t : w p o e ? q, / on a list, Esc and Backspace for back): the action a key asks for,
 * or null when it is the view's to handle. Off while a view takes typed text.
 */
export function globalKey(view: View, input: string, key: Key): Action | null {
  if (capturesText(view)) return null;
  if (key.ctrl || key.meta) return null;
  switch (input) {
    case 'q':
      return { type: 'quit' };
    case '?':
      return { type: 'toggleHelp' };
    case 's':
      return { type: 'jump', view: { kind: 'summary' } };
    case 'f':
      return { type: 'jump', view: { kind: 'findings' } };
    case 't':
      return { type: 'jump', view: { kind: 'threads' } };
    case ':':
      return { type: 'jump', view: { kind: 'prompt' } };
    case 'w':
      return { type: 'jump', view: { kind: 'whatif' } };
    case 'p':
      return { type: 'push', view: { kind: 'paste' } };
    case 'o':
      return { type: 'push', view: { kind: 'open' } };
    case 'e':
      return { type: 'push', view: { kind: 'save' } };
    case '/':
      if (view.kind === 'threads' || view.kind === 'findings') return { type: 'push', view: { kind: 'filter', list: view.kind } };
      return null;
    default:
      break;
  }
  // Backspace edits the what-if value there; elsewhere it goes back, as Esc does.
  if (key.escape || ((key.backspace || key.delete) && view.kind !== 'whatif')) return { type: 'back' };
  return null;
}
