// The CLI's stdout as a report Sink: waits for 'drain' when the pipe is full, and notices a reader
// that went away (`analyze ... | head -1`) so the rest of the report is not written.
import type { Sink } from '../report/sink.ts';

/** What a Node writable offers beyond write(); test doubles have none of it. */
interface StreamLike {
  write(s: string): unknown;
  once?(event: string, listener: (...args: unknown[]) => void): unknown;
  off?(event: string, listener: (...args: unknown[]) => void): unknown;
  destroyed?: boolean;
  errored?: unknown;
  writableEnded?: boolean;
  writableNeedDrain?: boolean;
}

export function stdoutSink(out: StreamLike): Sink {
  const closed = (): boolean => out.destroyed === true || (out.errored ?? null) !== null || out.writableEnded === true;
  return {
    write: (s) => (closed() ? true : out.write(s)),
    get closed() {
      return closed();
    },
    async drained() {
      const { once, off } = out;
      if (once !== undefined && off !== undefined && out.writableNeedDrain === true && !closed()) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            for (const ev of ['drain', 'error', 'close']) off.call(out, ev, done);
            resolve();
          };
          for (const ev of ['drain', 'error', 'close']) once.call(out, ev, done);
        });
      }
      // Let a pending 'error' (EPIPE) be delivered before the next chunk.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
}

/** Whether a stream error only means the reader went away (a closed pipe), which is not ours to report. */
export function isClosedPipe(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ECONNRESET';
}

/**
 * For the process's own stdout/stderr: an error event that is a closed pipe is swallowed (no
 * "Unhandled 'error' event" trace); the command sees the sink closed and stops writing.
 */
export function guardStandardStreams(): void {
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: unknown) => {
      if (isClosedPipe(e)) return;
      // Any other output failure (a full disk): nothing more can be written there; say so once on exit.
      process.exitCode = 2;
    });
  }
}
