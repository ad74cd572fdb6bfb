// The TUI's state as a synchronous store over the pure reducer: dispatch returns the new state at
// once, so keys handled back to back, and async work finishing later, always see the latest state.
import { useCallback, useRef, useState } from 'react';
import { reduce, type Action, type TuiState } from './state.ts';

export interface Store {
  state: TuiState;
  dispatch(a: Action): TuiState;
  /** The latest state, for callbacks that outlive the render that made them. */
  get(): TuiState;
}

export function useStore(init: () => TuiState): Store {
  const ref = useRef<TuiState | null>(null);
  if (ref.current === null) ref.current = init();
  const [, setVersion] = useState(0);
  const get = useCallback((): TuiState => ref.current as TuiState, []);
  const dispatch = useCallback((a: Action): TuiState => {
    const prev = ref.current as TuiState;
    const next = reduce(prev, a);
    if (next !== prev) {
      ref.current = next;
      setVersion((v) => v + 1);
    }
    return next;
  }, []);
  return { state: ref.current, dispatch, get };
}
