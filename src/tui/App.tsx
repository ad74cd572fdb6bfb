// The TUI shell: header, one view, footer. State is the pure reducer in state.ts behind a
// synchronous store; keys come through the key pump; loading, commands and what-if are hooks.
import React, { useEffect, useMemo, useRef } from 'react';
import { Box, useApp } from 'ink';
import type { Analysis } from '../analysis.ts';
import { decodeKey } from './keypress.ts';
import { dispatchKey, dispatchRaw, hasRaw, KeySlots, OwnView, type Slot } from './keys.ts';
import { Body } from './Body.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import type { TuiServices } from './services.ts';
import { globalKey, initialState } from './state.ts';
import { useKeyPump } from './use-key-pump.ts';
import { useLoader } from './use-loader.ts';
import { useCommandRunner, useSaver, useWhatIf } from './use-runners.ts';
import { useStore } from './use-store.ts';
import { useTerminalSize } from './use-terminal-size.ts';
import { capturesText, top, type Nav, type View } from './view-state.ts';

/** What to show first: an analysis already made, text to analyse, or a file to read. */
export type Initial =
  | { kind: 'analysis'; analysis: Analysis }
  | { kind: 'text'; text: string; source: string }
  | { kind: 'file'; path: string }
  | { kind: 'none' };

export interface AppProps {
  services: TuiServices;
  initial: Initial;
  /** Called once the user quits, after Ink unmounts. */
  onQuit?(): void;
  /** A first notice for the header (e.g. that the bundled example was opened). */
  notice?: string;
}

const TITLE: Record<View['kind'], string> = {
  summary: 'summary',
  findings: 'findings',
  finding: 'finding',
  cpu: 'cpu',
  threads: 'threads',
  thread: 'thread',
  prompt: 'mdb',
  whatif: 'what-if',
  paste: 'paste',
  open: 'open',
  save: 'save',
  filter: 'filter',
  help: 'help',
};

export function App(props: AppProps): React.ReactElement {
  const { services } = props;
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const store = useStore(() => ({
    ...initialState(props.initial.kind === 'analysis' ? props.initial.analysis : null),
    notice: props.notice ?? null,
  }));
  const { state, dispatch, get } = store;
  const view = top(state.stack);
  const loader = useLoader(services, store);
  useCommandRunner(services, store);
  const runWhatIf = useWhatIf(services, store);
  const save = useSaver(services, store);

  useEffect(() => {
    const i = props.initial;
    if (i.kind === 'text') void loader.analyse(i.text, i.source);
    else if (i.kind === 'file') void loader.openFile(i.path);
    // The initial input is read once, at mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const nav: Nav = useMemo(() => ({ push: (v: View) => dispatch({ type: 'push', view: v }), back: () => dispatch({ type: 'back' }) }), [dispatch]);

  // Views register their key handlers here during render (keys.ts); the pump hands each key to
  // the global keys first, then to the slots of the view on top.
  const slots = useRef(new Map<string, Slot>());
  useKeyPump({
    takesRaw: () => hasRaw(slots.current, top(get().stack)),
    takesText: () => capturesText(top(get().stack)),
    raw: (ev) => dispatchRaw(slots.current, top(get().stack), ev),
    key: (k) => {
      const v = top(get().stack);
      const { input, key } = decodeKey(k);
      const g = globalKey(v, input, key);
      if (g === null) dispatchKey(slots.current, v, input, key);
      else if (dispatch(g).quit) {
        exit();
        props.onQuit?.();
      }
    },
    dropped: (n) => dispatch({ type: 'notice', text: `a paste of ${n} characters was ignored here: p opens the paste area` }),
  });

  const bodyH = Math.max(3, rows - 2);
  const width = Math.max(20, columns);
  const status = state.status ?? (state.analysis ? state.error : null) ?? state.notice;

  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Header analysis={state.analysis} status={status} title={TITLE[view.kind]} width={width} />
      <KeySlots.Provider value={slots}>
        <OwnView.Provider value={view}>
          <Box flexDirection="column" height={bodyH} overflow="hidden">
            <Body
              state={state}
              dispatch={dispatch}
              nav={nav}
              loader={loader}
              runWhatIf={runWhatIf}
              save={save}
              canSave={services.saveMarkdown !== undefined}
              width={width}
              height={bodyH}
            />
          </Box>
        </OwnView.Provider>
      </KeySlots.Provider>
      <Footer view={view} width={width} />
    </Box>
  );
}
