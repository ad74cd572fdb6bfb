// The view on top of the stack, given what it needs from the state: one switch, no logic of its
// own beyond choosing the view and wiring its callbacks to reducer actions.
import React from 'react';
import { Box, Text } from 'ink';
import { CpuView } from './CpuView.tsx';
import { FindingDetailView } from './FindingDetailView.tsx';
import { FindingsView } from './FindingsView.tsx';
import { clip } from './format.ts';
import { HelpView } from './HelpView.tsx';
import { OpenView } from './OpenView.tsx';
import { PasteView } from './PasteView.tsx';
import { hzOf, starvingFindings } from './policy.ts';
import { PromptView } from './PromptView.tsx';
import type { Action, TuiState } from './state.ts';
import { SummaryView } from './SummaryView.tsx';
import { ThreadsView } from './ThreadsView.tsx';
import { ThreadView } from './ThreadView.tsx';
import type { Loader } from './use-loader.ts';
import { top, type Nav } from './view-state.ts';
import { WhatIfView } from './WhatIfView.tsx';
import { threadIndex } from '../rules/threads.ts';

export interface BodyProps {
  state: TuiState;
  dispatch(a: Action): unknown;
  nav: Nav;
  loader: Loader;
  runWhatIf(kpreemptpri: number): void;
  width: number;
  height: number;
}

export function Body(p: BodyProps): React.ReactElement {
  const { state, dispatch, nav, width, height } = p;
  const view = top(state.stack);
  const common = { width, height, active: true };
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
    case 'prompt':
      return (
        <PromptView
          {...common}
          log={state.log}
          history={state.history}
          busy={state.running || state.commands.length > 0}
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
          findings={state.findings}
          notes={analysis.notes.map((n) => `${n.rule}: ${n.message}`)}
          nav={nav}
          cursor={cursor('findings')}
          setCursor={setCursor('findings')}
        />
      );
    case 'finding': {
      const f = state.findings[view.index];
      if (!f) return <Text>No such finding.</Text>;
      return <FindingDetailView key={view.index} {...common} finding={f} lines={analysis.lines} nav={nav} />;
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
      return <ThreadsView {...common} threads={snap.threads} nav={nav} cursor={cursor('threads')} setCursor={setCursor('threads')} />;
    case 'thread':
      return <ThreadView key={view.addr} {...common} addr={view.addr} thread={threadIndex(snap).get(view.addr) ?? undefined} hz={hzOf(analysis)} />;
    case 'whatif':
      return (
        <WhatIfView
          {...common}
          state={state.whatIf}
          current={snap.tunables['kpreemptpri']}
          setValue={(value) => dispatch({ type: 'whatIfValue', value })}
          onRun={p.runWhatIf}
        />
      );
  }
}
