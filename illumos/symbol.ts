// How mdb spells a kernel symbol: bare (`swtch`) or qualified by its module (`unix\`swtch`,
// `libc.so.1\`poll`). Names compare across outputs by their base.

/** Strips a module prefix, so names compare across outputs. */
export function baseName(func: string): string {
  // indexOf first: most names have no prefix, and it is much cheaper than lastIndexOf in V8.
  return func.indexOf('`') < 0 ? func : func.slice(func.lastIndexOf('`') + 1);
}
