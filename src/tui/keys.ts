// Key handling that neither loses keys nor acts on a stale screen. Ink subscribes useInput
// handlers in passive effects, so right after a view changes the old view's handler is still
// listening (with old props) and the new one is not yet: two quick keys (`f` then Enter) would be
// lost or reach the wrong view. So App owns the only input listener (use-key-pump.ts), handles
// keys one per commit, and views register their handlers in slots during render; a slot runs
// only while its view is the one on top.
import { createContext, useContext, useEffect, useId } from 'react';
import type { Key } from './keypress.ts';

export type KeyHandler = (input: string, key: Key) => void;

export interface Slot {
  owner: unknown;
  active: boolean;
  keys?: KeyHandler;
  /** Raw input events as Ink's parser splits them (the paste area needs every byte). */
  raw?: (ev: string) => void;
}

export const KeySlots = createContext<{ current: Map<string, Slot> }>({ current: new Map() });
/** The view a component belongs to (App provides it around the body). */
export const OwnView = createContext<unknown>(null);

function useSlot(slot: Omit<Slot, 'owner'>): void {
  const slots = useContext(KeySlots);
  const owner = useContext(OwnView);
  const id = useId();
  slots.current.set(id, { ...slot, owner });
  useEffect(
    () => () => {
      slots.current.delete(id);
    },
    [slots, id],
  );
}

/** Receive keys while this component's view is on top (and `active`). */
export function useKeys(handler: KeyHandler, active = true): void {
  useSlot({ keys: handler, active });
}

/** Receive raw input events while this component's view is on top. */
export function useRawInput(fn: (ev: string) => void): void {
  useSlot({ raw: fn, active: true });
}

/** Hand one key to the slots of the view on top. */
export function dispatchKey(slots: Map<string, Slot>, view: unknown, input: string, key: Key): void {
  for (const s of [...slots.values()]) if (s.owner === view && s.active && s.keys) s.keys(input, key);
}

export function dispatchRaw(slots: Map<string, Slot>, view: unknown, ev: string): void {
  for (const s of [...slots.values()]) if (s.owner === view && s.active && s.raw) s.raw(ev);
}

/** Does the view on top read raw events (the paste area)? Then no key is cut out of them. */
export function hasRaw(slots: Map<string, Slot>, view: unknown): boolean {
  for (const s of slots.values()) if (s.owner === view && s.active && s.raw) return true;
  return false;
}
