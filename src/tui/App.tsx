// The TUI shell: header, one view, footer; global keys; loading kept off the render path
// (services.analyze is asynchronous, and the real one runs in a worker thread).
import React, { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp, useStdin } from 'ink';
import { decodeKey, type Key } from './keypress.ts';
import { dispatchKey, dispatchRaw, KeySlots, OwnView, type Slot } from './keys.ts';
import type { Analysis } from '../analysis.ts';
import type { Thread } from '../model/snapshot.ts';
import { neutralize } from '../report/sanitize.ts';
import { CpuView } from './CpuView.tsx';
import { FindingDetailView } from './FindingDetailView.tsx';
import { FindingsView } from './FindingsView.tsx';
import { Footer } from './Footer.tsx';
import { clip, sortFindings } from './format.ts';
import { Header } from './Header.tsx';
import { HelpView } from './HelpView.tsx';
import { OpenView } from './OpenView.tsx';
import { PasteView } from './PasteView.tsx';
import { PromptView } from './PromptView.tsx';
import type { TuiServices } from './services.ts';
import { SummaryView } from './SummaryView.tsx';
import { ThreadsView } from './ThreadsView.tsx';
import { ThreadView } from './ThreadView.tsx';
import { useTerminalSize } from './use-terminal-size.ts';
import { capturesText, jump, type Nav, pop, push, top, type View } from './view-state.ts';
import { WhatIfView, type WhatIfState } from './WhatIfView.tsx';

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
}

function sizeText(chars: number): string {
  return chars >= 1 << 20 ? `${(chars / (1 << 20)).toFixed(1)} MB` : `${chars} chars`;
}

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const NO_WHATIF: WhatIfState = { kpreemptpri: '99', report: null, ranWith: null, busy: false, error: null };

export function App(props: AppProps): React.ReactElement {
  const { services } = props;
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [analysis, setAnalysis] = useState<Analysis | null>(props.initial.kind === 'analysis' ? props.initial.analysis : null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stack, setStack] = useState<View[]>([{ kind: 'summary' }]);
  const [cursors, setCursors] = useState<Record<string, number>>({});
  const [log, setLog] = useState<string[]>([]);
  const [history, setHistory] = useState<string[]>([]);
  const [promptBusy, setPromptBusy] = useState(false);
  const [promptScroll, setPromptScroll] = useState(0);
  const [whatIf, setWhatIf] = useState<WhatIfState>(NO_WHATIF);
  const [openError, setOpenError] = useState<string | null>(null);
  const generation = useRef(0);
  const view = top(stack);

  const nav: Nav = useMemo(
    () => ({ push: (v: View) => setStack((s) => push(s, v)), back: () => setStack((s) => pop(s)) }),
    [],
  );
  const cursor = (k: string): number => cursors[k] ?? 0;
  const setCursor = (k: string) => (n: number) => setCursors((c) => ({ ...c, [k]: n }));

  const findings = useMemo(() => (analysis ? sortFindings(analysis.findings) : []), [analysis]);
  const threadIndex = useMemo(() => {
    const m = new Map<string, Thread>();
    for (const t of analysis?.snapshot.threads ?? []) if (t.addr && !m.has(t.addr)) m.set(t.addr, t);
    return m;
  }, [analysis]);

  const analyse = useCallback(
    async (text: string, source: string): Promise<void> => {
      const g = ++generation.current;
      setError(null);
      setStatus(`analysing ${neutralize(source)} (${sizeText(text.length)})…`);
      // Views tied to the old input's findings, CPUs or threads go; lists and tools stay.
      const tied = (kinds: View['kind'][]) => (st: View[]) => (st.some((v) => kinds.includes(v.kind)) ? [{ kind: 'summary' } as View] : st);
      let previewed = false;
      const onPreview = (p: Analysis): void => {
        if (g !== generation.current) return;
        previewed = true;
        setAnalysis(p);
        setCursors({});
        setStack(tied(['finding', 'cpu', 'thread']));
        setStatus(`preview: stacks of ${neutralize(source)} still being read…`);
      };
      try {
        const a = await services.analyze(text, source, onPreview);
        if (g !== generation.current) return; // a newer load won
        setAnalysis(a);
        if (!previewed) setCursors({});
        setWhatIf((w) => ({ ...NO_WHATIF, kpreemptpri: w.kpreemptpri }));
        // After a preview, CPUs and threads keep their identity; finding numbers may not.
        setStack(tied(previewed ? ['finding'] : ['finding', 'cpu', 'thread']));
        setStatus(null);
      } catch (e) {
        if (g !== generation.current) return;
        setStatus(null);
        setError(`analysis failed: ${errText(e)}`);
      }
    },
    [services],
  );

  const openFile = useCallback(
    async (path: string): Promise<boolean> => {
      setOpenError(null);
      setStatus(`reading ${neutralize(path)}…`);
      let text: string;
      try {
        text = await services.readFile(path);
      } catch (e) {
        setStatus(null);
        setOpenError(`cannot read ${neutralize(path)}: ${errText(e)}`);
        return false;
      }
      await analyse(text, path);
      return true;
    },
    [services, analyse],
  );

  useEffect(() => {
    const i = props.initial;
    if (i.kind === 'text') void analyse(i.text, i.source);
    else if (i.kind === 'file') void openFile(i.path);
    // The initial input is read once, at mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const quit = (): void => {
    exit();
    props.onQuit?.();
  };

  // All keys arrive here, through one handler registered once (see keys.ts): global keys
  // first, then the slots of the view on top. Refs are updated during render.
  const viewRef = useRef<View>(view);
  viewRef.current = view;
  const slots = useRef(new Map<string, Slot>());
  const global = useRef<(input: string, key: Key) => boolean>(() => false);
  global.current = (input, key) => {
    const v = viewRef.current;
    if (capturesText(v)) return false;
    if (input === 'q') quit();
    else if (input === '?') setStack((s) => (top(s).kind === 'help' ? pop(s) : push(s, { kind: 'help' })));
    else if (input === 's') setStack(jump({ kind: 'summary' }));
    else if (input === 'f') setStack(jump({ kind: 'findings' }));
    else if (input === 't') setStack(jump({ kind: 'threads' }));
    else if (input === ':') setStack(jump({ kind: 'prompt' }));
    else if (input === 'w') setStack(jump({ kind: 'whatif' }));
    else if (input === 'p') setStack((s) => push(s, { kind: 'paste' }));
    else if (input === 'o') setStack((s) => push(s, { kind: 'open' }));
    else if (key.escape || ((key.backspace || key.delete) && v.kind !== 'whatif')) nav.back();
    else return false;
    return true;
  };
  // Events are handled one at a time, each after the screen has caught up with the one before
  // (React renders asynchronously): `f` then Enter typed fast must open the first finding, not
  // act on the summary, and a paste right after `p` must reach the paste area.
  const queue = useRef<string[]>([]);
  const waiting = useRef(false);
  const [, setTurn] = useState(0);
  const pump = useCallback(() => {
    if (waiting.current) return;
    const ev = queue.current.shift();
    if (ev === undefined) return;
    waiting.current = true;
    dispatchRaw(slots.current, viewRef.current, ev);
    const { input, key } = decodeKey(ev);
    if (!global.current(input, key)) dispatchKey(slots.current, viewRef.current, input, key);
    setTurn((n) => n + 1); // guarantees a commit, after which the next event runs
  }, []);
  useLayoutEffect(() => {
    waiting.current = false;
    if (queue.current.length > 0) setImmediate(pump);
  });
  const { internal_eventEmitter: events, setRawMode } = useStdin();
  useEffect(() => {
    setRawMode(true);
    const onEvent = (ev: string): void => {
      queue.current.push(ev);
      pump();
    };
    events.on('input', onEvent);
    return () => {
      events.off('input', onEvent);
      setRawMode(false);
    };
  }, [events, setRawMode, pump]);

  const bodyH = Math.max(3, rows - 2);
  const width = Math.max(20, columns);

  const runCommand = async (line: string): Promise<void> => {
    const text = line.trim();
    if (!text) return;
    if (text === '$q' || text === '::quit') {
      nav.back();
      return;
    }
    setHistory((h) => [...h, text]);
    setLog((l) => [...l, `> ${text}`]);
    if (!analysis) {
      setLog((l) => [...l, 'nothing loaded: p to paste a dump, o to open one']);
      return;
    }
    setPromptBusy(true);
    try {
      const out = await services.runCommand(analysis, text);
      setLog((l) => [...l, ...(out.error ? [`mdb: ${out.error}`] : out.lines)]);
    } catch (e) {
      setLog((l) => [...l, `mdb: ${errText(e)}`]);
    }
    setPromptScroll(0);
    setPromptBusy(false);
  };

  const runWhatIf = async (kp: number): Promise<void> => {
    if (!analysis) return;
    setWhatIf((w) => ({ ...w, busy: true, error: null }));
    try {
      const report = await services.whatIf(analysis, { kpreemptpri: kp });
      setWhatIf((w) => ({ ...w, busy: false, report, ranWith: kp }));
    } catch (e) {
      setWhatIf((w) => ({ ...w, busy: false, error: errText(e) }));
    }
  };

  const body = (): React.ReactElement => {
    const common = { width, height: bodyH, active: true };
    // Views that need no analysis first.
    switch (view.kind) {
      case 'help':
        return <HelpView width={width} height={bodyH} />;
      case 'paste':
        return (
          <PasteView
            {...common}
            onSubmit={(text) => {
              nav.back();
              void analyse(text, 'paste');
            }}
            onCancel={nav.back}
          />
        );
      case 'open':
        return (
          <OpenView
            {...common}
            error={openError}
            onCancel={nav.back}
            onSubmit={(path) => {
              void openFile(path).then((ok) => ok && setStack((s) => (top(s).kind === 'open' ? pop(s) : s)));
            }}
          />
        );
      case 'prompt':
        return (
          <PromptView
            {...common}
            log={log}
            history={history}
            busy={promptBusy}
            scroll={promptScroll}
            setScroll={setPromptScroll}
            onRun={(l) => void runCommand(l)}
            onLeave={nav.back}
          />
        );
      default:
        break;
    }
    if (!analysis) {
      return (
        <Box flexDirection="column" height={bodyH}>
          <Text wrap="truncate">{clip(error ?? (status ? status : 'Nothing loaded yet.'), width)}</Text>
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
            findings={findings}
            notes={analysis.notes.map((n) => `${n.rule}: ${n.message}`)}
            nav={nav}
            cursor={cursor('findings')}
            setCursor={setCursor('findings')}
          />
        );
      case 'finding': {
        const f = findings[view.index];
        if (!f) return <Text>No such finding.</Text>;
        return <FindingDetailView key={view.index} {...common} finding={f} lines={analysis.lines} nav={nav} />;
      }
      case 'cpu': {
        const c = snap.cpus.find((x) => x.id === view.id);
        if (!c) return <Text>{`No CPU ${view.id} in this input.`}</Text>;
        return <CpuView {...common} cpu={c} snapshot={snap} nav={nav} cursor={cursor(`cpu${c.id}`)} setCursor={setCursor(`cpu${c.id}`)} />;
      }
      case 'threads':
        return <ThreadsView {...common} threads={snap.threads} nav={nav} cursor={cursor('threads')} setCursor={setCursor('threads')} />;
      case 'thread':
        return <ThreadView key={view.addr} {...common} addr={view.addr} thread={threadIndex.get(view.addr)} snapshot={snap} />;
      case 'whatif':
        return (
          <WhatIfView
            {...common}
            state={whatIf}
            current={snap.tunables['kpreemptpri']}
            setValue={(v) => setWhatIf((w) => ({ ...w, kpreemptpri: v }))}
            onRun={(kp) => void runWhatIf(kp)}
          />
        );
    }
  };

  const title: Record<View['kind'], string> = {
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
    help: 'help',
  };

  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Header analysis={analysis} status={status ?? (analysis ? error : null)} title={title[view.kind]} width={width} />
      <KeySlots.Provider value={slots}>
          <OwnView.Provider value={view}>
            <Box flexDirection="column" height={bodyH} overflow="hidden">
              {body()}
            </Box>
          </OwnView.Provider>
      </KeySlots.Provider>
      <Footer view={view} width={width} />
    </Box>
  );
}
