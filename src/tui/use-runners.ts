// The prompt's commands and the what-if simulation, run through the services one at a time; a
// multi-line paste into the prompt queues every line and each runs in turn.
import { useCallback, useEffect } from 'react';
import type { TuiServices } from './services.ts';
import type { KpreemptMode } from '../sim/whatif.ts';
import type { Store } from './use-store.ts';
import { errText } from './use-loader.ts';
import { neutralize } from '../report/sanitize.ts';

export function useCommandRunner(services: TuiServices, store: Store): void {
  const { state, dispatch } = store;
  const next = state.commands[0];
  const { running, analysis } = state;
  useEffect(() => {
    if (running || next === undefined) return;
    dispatch({ type: 'commandStart' });
    const run = async (): Promise<readonly string[]> => {
      if (!analysis) return ['nothing loaded: p to paste a dump, o to open one'];
      try {
        const out = await services.runCommand(analysis, next);
        return out.error ? [`mdb: ${out.error}`] : out.lines;
      } catch (e) {
        return [`mdb: ${errText(e)}`];
      }
    };
    void run().then((lines) => dispatch({ type: 'commandDone', lines }));
  }, [services, dispatch, running, next, analysis]);
}

export function useWhatIf(services: TuiServices, store: Store): (kpreemptpri: number, mode: KpreemptMode) => void {
  const { dispatch, get } = store;
  return useCallback(
    (kp: number, mode: KpreemptMode) => {
      const a = get().analysis;
      if (!a) return;
      dispatch({ type: 'whatIfStart' });
      services.whatIf(a, { kpreemptpri: kp }, mode).then(
        (report) => dispatch({ type: 'whatIfDone', report, ranWith: kp }),
        (e: unknown) => dispatch({ type: 'whatIfFailed', message: errText(e) }),
      );
    },
    [services, dispatch, get],
  );
}

/** Save the loaded dump's Markdown report; the outcome is a notice (and the save view closes). */
export function useSaver(services: TuiServices, store: Store): (path: string) => void {
  const { dispatch, get } = store;
  return useCallback(
    (path: string) => {
      const a = get().analysis;
      if (!a || !services.saveMarkdown) return;
      dispatch({ type: 'notice', text: `saving ${neutralize(path)}…` });
      services.saveMarkdown(a, path).then(
        (size) => dispatch({ type: 'saved', message: `report saved to ${neutralize(path)} (${size})` }),
        (e: unknown) => dispatch({ type: 'notice', text: `cannot save ${neutralize(path)}: ${neutralize(errText(e))}` }),
      );
    },
    [services, dispatch, get],
  );
}
