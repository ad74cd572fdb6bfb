// The shape of an mdb command line as typed after a prompt (the echo), once parsed, and how to read
// its options.

/** One stage of a pipeline: `[addr][,count]::dcmd args`, `addr/fmt`, `$C`, `$<macro`, `addr=fmt`. */
export interface CommandStage {
  /** The address expression before the verb as typed (`ffffff01d5a600c0`, `0t83950`, `kpreemptpri`), or null. */
  addr: string | null;
  /** The repeat count after a comma (`0x70a9ae00,5/KKn` gives "5"), or null. */
  count: string | null;
  /** `repeat` for an address alone (mdb re-runs the previous command at it); `dcmd` for `::name`, `format` for `/fmt` or `=fmt`, `macro` for `$<name`, `builtin` for `$C`, `$c`, `$r`... */
  verb: 'dcmd' | 'format' | 'macro' | 'builtin' | 'repeat';
  /** The dcmd name without colons (`findstack`), the format letters without `/` or `=` (`D`, `KKn`), the macro name, or the builtin (`$C`). */
  name: string;
  /** Whitespace-separated arguments, quotes removed (`-v`, `kthread_t`, `t_cldata`). */
  args: string[];
  /** `=fmt`: formats the address value itself (`kpreemptpri=D` prints where kpreemptpri is), reading no memory. Absent for `/fmt`. */
  immediate?: true;
}

export interface ParsedCommand {
  /** The command text as typed, trimmed. */
  text: string;
  stages: CommandStage[];
}

/** Whether an address typed is a C identifier (`kpreemptpri`, a variable's name) rather than a number or an expression. */
export function isSymbolName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/** The last stage of a command line, whose output reaches the terminal; null when not known. */
export function lastStage(cmd: ParsedCommand | null): CommandStage | null {
  const st = cmd?.stages;
  return st !== undefined && st.length > 0 ? st[st.length - 1]! : null;
}

/**
 * Whether option letter `letter` is set on a stage, read as mdb_getopts reads a dcmd's arguments:
 * options come before the first argument that does not start with `-`, letters may be clustered
 * (`-v`, `-sv`, `-vs`), and a letter listed in `valued` takes the rest of its cluster, or the next
 * argument, as its value (`-c cv_wait`, `-l8`), so letters inside a value are not options.
 */
export function hasOption(stage: CommandStage | null, letter: string, valued = ''): boolean {
  if (stage === null) return false;
  const args = stage.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.length < 2 || a[0] !== '-' || a === '--') return false;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === letter) return true;
      if (valued.includes(c)) {
        if (j === a.length - 1) i++; // the value is the next argument
        break;
      }
    }
  }
  return false;
}
