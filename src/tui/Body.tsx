// The view on top of the stack, given what it needs from the state: one switch, no logic of its
// own beyond choosing the view and wiring its callbacks to reducer actions.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { CpuView } from './CpuView.tsx';
import { FindingDetailView } from './FindingDetailView.tsx';
import { FindingsView, noFindingsText } from './FindingsView.tsx';
import { clip } from './format.ts';
import { HelpView } from './HelpView.tsx';
import { OpenView } from './OpenView.tsx';
import { PasteView } from './PasteView.tsx';
import { hzOf, starvingFindings } from './policy.ts';
import { PromptView } from './PromptView.tsx';
import type { Action, TuiState } from './state.ts';
import type { KpreemptMode } from '../sim/whatif.ts';
import { SummaryView } from './SummaryView.tsx';
import { ThreadsView } from './ThreadsView.tsx';
import { ThreadView } from './ThreadView.tsx';
import { findingChainLines, threadWaitLines } from './thread-waits.ts';
import type { Loader } from './use-loader.ts';
import { top, type FilterList, type Nav, type View } from './view-state.ts';
import { SaveView, suggestedPath } from './SaveView.tsx';
import { TextInput } from './TextInput.tsx';
import { filtered, findingMatches, findingsNaming, threadMatches } from './filter.ts';
import type { Thread } from '../model/snapshot.ts';
import type { Finding } from '../rules/types.ts';
import { WhatIfView } from './WhatIfView.tsx';
import { threadIndex } from '../rules/threads.ts';

export interface BodyProps {
  state: TuiState;
  dispatch(a: Action): unknown;
  nav: Nav;
  loader: Loader;
  runWhatIf(kpreemptpri: number, mode: KpreemptMode): void;
  save(path: string): void;
  /** The services can save a report (saveMarkdown is optional). */
  canSave: boolean;
  width: number;
  height: number;
}

/** The lists as the `/` filters leave them, computed once per (list, query). */
function useFiltered(state: TuiState): { threads: Thread[]; findings: { item: Finding; index: number }[] } {
  const threads = state.analysis?.snapshot.threads ?? NO_THREADS;
  const tq = state.filters.threads;
  const fq = state.filters.findings;
  const shownThreads = useMemo(() => (tq ? filtered(threads, tq, threadMatches).map((x) => x.item) : (threads as Thread[])), [threads, tq]);
  const shownFindings = useMemo(() => filtered(state.findings, fq, findingMatches), [state.findings, fq]);
  return { threads: shownThreads, findings: shownFindings };
}
const NO_THREADS: Thread[] = [];

export function Body(p: BodyProps): React.ReactElement {
  const { state, width, height } = p;
  const shown = useFiltered(state);
  const view = top(state.stack);
  if (view.kind === 'filter') {
    // The list stays on screen, narrowing as the query is typed; the field is the last line.
    const under: View = state.stack[state.stack.length - 2] ?? { kind: 'summary' };
    const list: FilterList = view.list;
    return (
      <Box flexDirection="column" height={height}>
        <ViewFor {...p} view={under} shown={shown} height={height - 1} active={false} />
        <TextInput
          prompt="/"
          initial={state.filters[list]}
          active
          width={width}
          onChange={(query) => p.dispatch({ type: 'filter', list, query })}
          onSubmit={() => p.dispatch({ type: 'back' })}
          onCancel={() => {
            p.dispatch({ type: 'filter', list, query: '' });
            p.dispatch({ type: 'back' });
          }}
        />
      </Box>
    );
  }
  return <ViewFor {...p} view={view} shown={shown} height={height} active />;
}

type ViewProps = BodyProps & { view: View; shown: ReturnType<typeof useFiltered>; active: boolean };

function ViewFor(p: ViewProps): React.ReactElement {
  const { state, dispatch, nav, width, height, view } = p;
  const common = { width, height, active: p.active };
  const cursor = (list: string): number => state.cursors[list] ?? 0;
  const setCursor = (list: string) => (n: number) => dispatch({ type: 'cursor', list, n });

  // Views that need no analysis first.
  switch (view.kind) {
    case 'help':
      return <HelpView width={width} height={height} />;
    case 'paste':
      return (
        <PasteView
          {...common}
          onSubmit={(text) => {
            nav.back();
            void p.loader.analyse(text, 'paste');
          }}
          onCancel={nav.back}
        />
      );
    case 'open':
      return (
        <OpenView
          {...common}
          error={state.openError}
          onCancel={nav.back}
          onSubmit={(path) => {
            void p.loader.openFile(path).then((ok) => ok && dispatch({ type: 'openClosed' }));
          }}
        />
      );
    case 'save':
      return (
        <SaveView
          {...common}
          available={p.canSave && state.analysis !== null}
          suggested={suggestedPath(state.analysis?.source ?? 'report')}
          message={state.notice}
          onSubmit={p.save}
          onCancel={nav.back}
        />
      );
    case 'prompt':
      return (
        <PromptView
          {...common}
          log={state.log}
          history={state.history}
          busy={state.running || state.commands.length > 0}
          queued={Math.max(0, state.commands.length - 1)}
          scroll={state.promptScroll}
          setScroll={(n) => dispatch({ type: 'promptScroll', n })}
          onRun={(line) => dispatch({ type: 'command', line })}
          onLeave={nav.back}
        />
      );
    default:
      break;
  }
  const analysis = state.analysis;
  if (!analysis) {
    return (
      <Box flexDirection="column" height={height}>
        <Text wrap="truncate">{clip(state.error ?? state.status ?? 'Nothing loaded yet.', width)}</Text>
        <Text dimColor wrap="truncate">{clip('p paste a dump   o open a file   ? help   q quit', width)}</Text>
      </Box>
    );
  }
  const snap = analysis.snapshot;
  switch (view.kind) {
    case 'summary':
      return <SummaryView {...common} analysis={analysis} nav={nav} cursor={cursor('summary')} setCursor={setCursor('summary')} />;
    case 'findings':
      return (
        <FindingsView
          {...common}
          items={p.shown.findings}
          all={state.findings}
          filter={state.filters.findings}
          notes={analysis.notes.map((n) => `${n.rule}: ${n.message}`)}
          none={noFindingsText(analysis)}
          nav={nav}
          cursor={cursor('findings')}
          setCursor={setCursor('findings')}
        />
      );
    case 'finding': {
      const f = state.findings[view.index];
      if (!f) return <Text>No such finding.</Text>;
      return <FindingDetailView key={view.index} {...common} finding={f} chain={findingChainLines(analysis, f)} lines={analysis.lines} nav={nav} />;
    }
    case 'cpu': {
      const c = snap.cpus.find((x) => x.id === view.id);
      if (!c) return <Text>{`No CPU ${view.id} in this input.`}</Text>;
      return (
        <CpuView
          {...common}
          cpu={c}
          hz={hzOf(analysis)}
          starvedBy={starvingFindings(state.findings, c.id)}
          nav={nav}
          cursor={cursor(`cpu${c.id}`)}
          setCursor={setCursor(`cpu${c.id}`)}
        />
      );
    }
    case 'threads':
      return (
        <ThreadsView
          {...common}
          threads={p.shown.threads}
          total={snap.threads.length}
          filter={state.filters.threads}
          nav={nav}
          cursor={cursor('threads')}
          setCursor={setCursor('threads')}
        />
      );
    case 'thread': {
      const named = findingsNaming(state.findings, view.addr);
      return (
        <ThreadView
          key={view.addr}
          {...common}
          addr={view.addr}
          thread={threadIndex(snap).get(view.addr) ?? undefined}
          hz={hzOf(analysis)}
          named={named}
          waits={threadWaitLines(analysis, view.addr, named.map((n) => n.item))}
          nav={nav}
        />
      );
    }
    case 'filter':
      return <Text>{' '}</Text>; // a filter over a filter: Body draws the list underneath
    case 'whatif':
      return (
        <WhatIfView
          {...common}
          state={state.whatIf}
          current={snap.tunables['kpreemptpri']}
          setValue={(value) => dispatch({ type: 'whatIfValue', value })}
          setMode={(mode) => dispatch({ type: 'whatIfMode', mode })}
          onRun={p.runWhatIf}
        />
      );
  }
}
