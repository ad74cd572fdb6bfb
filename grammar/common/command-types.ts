// The shape of an mdb command line as typed after a prompt (the echo), once parsed.

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
}

export interface ParsedCommand {
  /** The command text as typed, trimmed. */
  text: string;
  stages: CommandStage[];
}
