// Keys from the terminal, one at a time, each after the screen has caught up with the one before
// (React renders asynchronously, and views register their key handlers during render): `f` then
// Enter typed fast opens the first finding, and `jj` in one read moves two rows. Input comes from
// the stdin Ink exposes (useStdin, public API): every read Ink takes from it is also a 'data' event.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStdin } from 'ink';
import { firstKey, InputEvents, PASTE_END, PASTE_START, printablePrefix } from './input-events.ts';

/** Longest text run taken as typed keys; longer is a paste (it belongs in the paste area). */
export const MAX_TYPED_RUN = 64 * 1024;

export interface KeySink {
  /** The view on top takes raw events (the paste area): whole runs, bracket markers included. */
  takesRaw(): boolean;
  /** The view on top takes typed text (prompt, open): pasted text there is typed key by key. */
  takesText(): boolean;
  raw(ev: string): void;
  key(k: string): void;
  /** Pasted text that no view takes (a paste on the summary is not a stream of commands). */
  dropped(chars: number): void;
}

export function useKeyPump(sink: KeySink): void {
  const sinkRef = useRef(sink);
  sinkRef.current = sink;
  const queue = useRef<string[]>([]);
  const waiting = useRef(false);
  const inPaste = useRef(false);
  const [, setTurn] = useState(0);

  const pump = useCallback(() => {
    const s = sinkRef.current;
    while (!waiting.current) {
      const ev = queue.current.shift();
      if (ev === undefined) return;
      if (ev === PASTE_START || ev === PASTE_END) inPaste.current = ev === PASTE_START;
      if (s.takesRaw()) {
        s.raw(ev);
      } else if (ev === PASTE_START || ev === PASTE_END) {
        continue; // markers are no keys
      } else if (!ev.startsWith('\x1b') && !s.takesText() && (inPaste.current || ev.length > 256)) {
        s.dropped(ev.length); // pasted text where no text is taken: never read as commands
      } else if (!ev.startsWith('\x1b') && ev.length > MAX_TYPED_RUN) {
        s.dropped(ev.length);
      } else {
        // In a text field, printable text goes in as one key (a pasted block of 50 commands is
        // 100 turns, not thousands); Enter and other control keys still go one by one.
        const n = !ev.startsWith('\x1b') && s.takesText() ? printablePrefix(ev) : 0;
        const [k, rest] = n > 1 ? [ev.slice(0, n), ev.slice(n)] : firstKey(ev);
        if (rest) queue.current.unshift(rest);
        s.key(k);
      }
      waiting.current = true;
      setTurn((n) => n + 1); // guarantees a commit, after which the next event runs
    }
  }, []);

  useLayoutEffect(() => {
    waiting.current = false;
    if (queue.current.length > 0) setImmediate(pump);
  });

  const { stdin, setRawMode } = useStdin();
  useEffect(() => {
    // Raw mode first: Ink then reads stdin, and each read is also a 'data' event for us.
    setRawMode(true);
    const events = new InputEvents();
    let flush: NodeJS.Immediate | null = null;
    const onData = (chunk: string | Buffer): void => {
      if (flush) clearImmediate(flush);
      for (const ev of events.push(String(chunk))) queue.current.push(ev);
      // A sequence cut between reads waits one turn for its end, then goes as it is.
      if (events.hasPending()) {
        flush = setImmediate(() => {
          for (const ev of events.flush()) queue.current.push(ev);
          pump();
        });
      }
      pump();
    };
    stdin.on('data', onData);
    return () => {
      stdin.off('data', onData);
      if (flush) clearImmediate(flush);
      setRawMode(false);
    };
  }, [stdin, setRawMode, pump]);
}
