// Writing a report as it is produced: renderers yield pieces, `pump` gathers them into chunks of
// about 64 KiB and hands each to the sink, waiting when the sink asks for it (backpressure), so
// memory does not grow with the size of the output.

/** Where output goes: stdout in the CLI, a string in tests. */
export interface Sink {
  write(s: string): unknown;
  /**
   * Called after every chunk: resolves when the sink can take more (after 'drain' when a write
   * returned false, or at once), or when it will never take more.
   */
  drained?(): Promise<void>;
  /** True once the reader went away (a closed pipe): nothing more is written. */
  readonly closed?: boolean;
}

const CHUNK_CHARS = 1 << 16;

export async function pump(pieces: Iterable<string>, sink: Sink): Promise<void> {
  // Pieces are gathered in an array and joined once per chunk: a flat string, not a rope of
  // thousands of small strings for the sink (or the garbage collector) to walk.
  let parts: string[] = [];
  let length = 0;
  const flush = async (): Promise<void> => {
    const chunk = parts.join('');
    parts = [];
    length = 0;
    sink.write(chunk);
    if (sink.drained !== undefined) await sink.drained();
  };
  for (const p of pieces) {
    if (sink.closed === true) return;
    parts.push(p);
    length += p.length;
    if (length >= CHUNK_CHARS) await flush();
  }
  if (length > 0 && sink.closed !== true) await flush();
}

/** All pieces as one string: for tests and for callers that want the whole report. */
export function joinPieces(pieces: Iterable<string>): string {
  const parts: string[] = [];
  for (const p of pieces) parts.push(p);
  return parts.join('');
}
