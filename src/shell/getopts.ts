// mdb_getopts for the prompt: options before the first non-option argument, clustered letters,
// valued letters taking the rest of the cluster or the next argument, `--` ending the options.
// An unknown letter is refused as mdb refuses it (`illegal option -- x`), never ignored.

export interface OptSpec {
  /** Letters that are switches (`v`, `a`). */
  flags: string;
  /** Letters that take a value (`c` in `-c func`). */
  valued: string;
}

export interface Opts {
  set: ReadonlySet<string>;
  values: ReadonlyMap<string, string>;
  /** Arguments after the options. */
  rest: string[];
}

export type GetoptsResult = { ok: true; opts: Opts } | { ok: false; error: string };

export function getopts(args: readonly string[], spec: OptSpec): GetoptsResult {
  const set = new Set<string>();
  const values = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.length < 2 || a[0] !== '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (spec.valued.includes(c)) {
        let v = a.slice(j + 1);
        if (v === '') {
          const next = args[i + 1];
          if (next === undefined) return { ok: false, error: `option requires an argument -- ${c}` };
          v = next;
          i++;
        }
        values.set(c, v);
        break;
      }
      if (!spec.flags.includes(c)) return { ok: false, error: `illegal option -- ${c}` };
      set.add(c);
    }
  }
  return { ok: true, opts: { set, values, rest: args.slice(i) } };
}
