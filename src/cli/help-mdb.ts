// `playfair mdb --help`, in its own module so `playfair help mdb` loads no shell.
export const MDB_HELP = `usage: playfair mdb FILE|- [-e COMMAND]... [--echo]

An mdb-style prompt over a parsed dump: answers what the input showed, refuses (mdb: ...) what it
did not. Type ::help or ::dcmds for the dcmds (::cpuinfo [-v], ::stacks [-c func] [-m module],
ADDR::findstack [-v], ::threadlist [-v], ::walk thread | ::findstack -v, ADDR::walk blocked,
ADDR::print kthread_t|tsproc_t|cpu_t MEMBER..., ::findlocks, [ADDR]::wchaninfo [-v], ::status,
::panicinfo, $C, NAME/D and NAME::print of a tunable, ::quit, $q).

  -e, --command CMD   run CMD instead of reading commands (repeatable; required with FILE -)
      --echo          print each command as \`> CMD\` before its answer (a transcript analyze reads)
  -h, --help          this help

On a terminal: line editing, history (up/down) and tab completion of dcmd names.
Exit codes: 0 every command answered; 1 a command was not answered (unknown dcmd, bad option,
data not in the input); 2 bad usage or unreadable input; 4 internal error.
`;
