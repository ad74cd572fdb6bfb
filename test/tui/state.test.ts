// The TUI reducer and global keys, as pure functions: every transition the App relies on.
import { describe, expect, test } from 'vitest';
import { globalKey, initialState, reduce, type Action, type TuiState } from '../../src/tui/state.ts';
import { decodeKey } from '../../src/tui/keypress.ts';
import { top } from '../../src/tui/view-state.ts';
import { seedAnalysis } from '../seed.ts';

const run = (s: TuiState, ...as: Action[]): TuiState => as.reduce(reduce, s);
const key = (k: string) => decodeKey(k);

describe('reduce', () => {
  test('findings are kept worst first, whatever order the rules gave', () => {
    const a = seedAnalysis();
    a.findings.reverse(); // the seed's one critical finding (runq-starvation) is then third of four
    const kept = initialState(a).findings;
    expect(kept.map((f) => f.severity)).toEqual(['critical', 'high', 'high', 'high']);
    expect(kept[0]!.rule).toBe('runq-starvation');
  });

  test('navigation: push, back never empties the stack, jump keeps the summary as root, help toggles', () => {
    let s = initialState(seedAnalysis());
    s = run(s, { type: 'push', view: { kind: 'cpu', id: 1 } }, { type: 'push', view: { kind: 'thread', addr: 'a' } });
    expect(s.stack.map((v) => v.kind)).toEqual(['summary', 'cpu', 'thread']);
    s = run(s, { type: 'back' }, { type: 'back' }, { type: 'back' });
    expect(s.stack).toEqual([{ kind: 'summary' }]);
    s = run(s, { type: 'jump', view: { kind: 'threads' } });
    expect(s.stack.map((v) => v.kind)).toEqual(['summary', 'threads']);
    s = run(s, { type: 'toggleHelp' });
    expect(top(s.stack).kind).toBe('help');
    s = run(s, { type: 'toggleHelp' });
    expect(top(s.stack).kind).toBe('threads');
  });

  test('a load applies only while it is the newest; a preview keeps CPUs and threads on screen', () => {
    const a = seedAnalysis();
    let s = initialState(null);
    s = run(s, { type: 'loadStart', status: 'one' });
    const first = s.generation;
    s = run(s, { type: 'loadStart', status: 'two' });
    const second = s.generation;
    expect(second).toBe(first + 1);
    s = run(s, { type: 'loaded', generation: first, analysis: { ...a, source: 'old' } });
    expect(s.analysis).toBeNull(); // the older load lost
    expect(s.status).toBe('two');
    s = run(s, { type: 'push', view: { kind: 'cpu', id: 1 } }, { type: 'cursor', list: 'cpu1', n: 3 });
    s = run(s, { type: 'preview', generation: second, analysis: a, status: 'preview…' });
    // A preview replaces a different input's views: the stack goes back to the summary.
    expect(s.stack).toEqual([{ kind: 'summary' }]);
    s = run(s, { type: 'push', view: { kind: 'cpu', id: 1 } }, { type: 'cursor', list: 'cpu1', n: 2 });
    s = run(s, { type: 'loaded', generation: second, analysis: { ...a, source: 'full' } });
    expect(s.analysis?.source).toBe('full');
    expect(top(s.stack)).toEqual({ kind: 'cpu', id: 1 }); // the same CPU after the preview
    expect(s.cursors['cpu1']).toBe(2);
    expect(s.status).toBeNull();
  });

  test('a failed load keeps what was loaded and says why', () => {
    let s = initialState(seedAnalysis());
    s = run(s, { type: 'loadStart', status: 'x' });
    s = run(s, { type: 'loadFailed', generation: s.generation, message: 'analysis failed: boom' });
    expect(s.analysis).not.toBeNull();
    expect(s.error).toBe('analysis failed: boom');
  });

  test('prompt: lines queue in order, blank lines are nothing, $q leaves; output is appended whole', () => {
    let s = run(initialState(seedAnalysis()), { type: 'jump', view: { kind: 'prompt' } });
    s = run(s, { type: 'command', line: ' ::cpuinfo -v ' }, { type: 'command', line: '   ' }, { type: 'command', line: '::stacks' });
    expect(s.commands).toEqual(['::cpuinfo -v', '::stacks']);
    expect(s.history).toEqual(['::cpuinfo -v', '::stacks']);
    expect(s.log).toEqual([]); // echoed when each runs, so output follows its command
    const big = Array.from({ length: 300_000 }, (_, i) => `line ${i}`); // more than a spread can take
    s = run(s, { type: 'commandStart' }, { type: 'commandDone', lines: big });
    expect(s.commands).toEqual(['::stacks']);
    expect(s.log.length).toBe(1 + 300_000);
    expect(s.log[0]).toBe('> ::cpuinfo -v');
    expect(s.log[1]).toBe('line 0');
    s = run(s, { type: 'commandStart' }, { type: 'commandDone', lines: ['out'] });
    expect(s.log.slice(-2)).toEqual(['> ::stacks', 'out']);
    s = run(s, { type: 'command', line: '$q' });
    expect(top(s.stack).kind).toBe('summary');
  });

  test('prompt with nothing loaded says so instead of queuing', () => {
    const s = run(initialState(null), { type: 'command', line: '::stacks' });
    expect(s.commands).toEqual([]);
    expect(s.log).toEqual(['> ::stacks', 'nothing loaded: p to paste a dump, o to open one']);
  });

  test('what-if: the value survives a new load; the report does not', () => {
    const a = seedAnalysis();
    let s = run(initialState(a), { type: 'whatIfValue', value: '98' }, { type: 'whatIfStart' });
    expect(s.whatIf.busy).toBe(true);
    s = run(s, { type: 'whatIfDone', report: { outcomes: [], notes: [] }, ranWith: 98 });
    expect(s.whatIf).toMatchObject({ busy: false, ranWith: 98 });
    s = run(s, { type: 'loadStart', status: '' });
    s = run(s, { type: 'loaded', generation: s.generation, analysis: a });
    expect(s.whatIf).toMatchObject({ kpreemptpri: '98', report: null, ranWith: null });
  });
});

describe('globalKey', () => {
  const summary = { kind: 'summary' } as const;
  test('letters jump; Esc and Backspace go back, except Backspace in what-if', () => {
    expect(globalKey(summary, 'f', key('f').key)).toEqual({ type: 'jump', view: { kind: 'findings' } });
    expect(globalKey(summary, 'q', key('q').key)).toEqual({ type: 'quit' });
    expect(globalKey(summary, '', key('\x1b').key)).toEqual({ type: 'back' });
    expect(globalKey({ kind: 'cpu', id: 1 }, '', key('\x7f').key)).toEqual({ type: 'back' });
    expect(globalKey({ kind: 'whatif' }, '', key('\x7f').key)).toBeNull();
    expect(globalKey(summary, 'j', key('j').key)).toBeNull(); // the view's
  });

  test('off while a view takes text; Ctrl-F is a page key, not f', () => {
    for (const v of [{ kind: 'prompt' }, { kind: 'paste' }, { kind: 'open' }] as const) expect(globalKey(v, 'q', key('q').key)).toBeNull();
    const ctrlF = key('\x06');
    expect(ctrlF.input).toBe('f');
    expect(globalKey(summary, ctrlF.input, ctrlF.key)).toBeNull();
  });
});
