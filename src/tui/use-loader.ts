// Loading an input: read a file, analyse text (off the render path: services.analyze runs large
// inputs in a worker), with a preview first for large ones. Results land as reducer actions.
import { useCallback } from 'react';
import { neutralize } from '../report/sanitize.ts';
import type { TuiServices } from './services.ts';
import type { Store } from './use-store.ts';

export function sizeText(chars: number): string {
  return chars >= 1 << 20 ? `${(chars / (1 << 20)).toFixed(1)} MB` : `${chars} chars`;
}

export const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface Loader {
  analyse(text: string, source: string): Promise<void>;
  /** Resolves true when the file was read (its analysis may still fail). */
  openFile(path: string): Promise<boolean>;
}

export function useLoader(services: TuiServices, store: Store): Loader {
  const { dispatch } = store;
  const analyse = useCallback(
    async (text: string, source: string): Promise<void> => {
      const shown = neutralize(source);
      const g = dispatch({ type: 'loadStart', status: `analysing ${shown} (${sizeText(text.length)})…` }).generation;
      const onPreview = (analysis: Parameters<NonNullable<Parameters<TuiServices['analyze']>[2]>>[0]): void => {
        dispatch({ type: 'preview', generation: g, analysis, status: `preview: stacks of ${shown} still being read…` });
      };
      try {
        const analysis = await services.analyze(text, source, onPreview);
        dispatch({ type: 'loaded', generation: g, analysis });
      } catch (e) {
        dispatch({ type: 'loadFailed', generation: g, message: `analysis failed: ${errText(e)}` });
      }
    },
    [services, dispatch],
  );

  const openFile = useCallback(
    async (path: string): Promise<boolean> => {
      let text: string;
      try {
        text = await services.readFile(path);
      } catch (e) {
        dispatch({ type: 'openFailed', message: `cannot read ${neutralize(path)}: ${errText(e)}` });
        return false;
      }
      await analyse(text, path);
      return true;
    },
    [services, analyse, dispatch],
  );
  return { analyse, openFile };
}
