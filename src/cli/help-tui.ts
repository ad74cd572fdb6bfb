// `playfair tui --help` and `playfair start --help`, apart from the modules that load Ink.
export const TUI_HELP = `usage: playfair tui [--fail-on SEVERITY] [FILE|-]

The terminal UI over one dump. No FILE: stdin when it is piped, else the bundled example
(illumos #1532), which the header names. Keys: ? help, q quit.
Not on a terminal (CI, a pipe), it prints the text report instead, as analyze does.

options:
      --fail-on SEVERITY   the exit code threshold when not on a terminal (default high)
  -h, --help               this text

exit codes:
  0  quit from the UI (on a terminal)
  0/1/3/4  not on a terminal: analyze's codes
  2  bad usage or unreadable input
`;

export const START_HELP = `usage: playfair start [--fail-on SEVERITY] [FILE]

The first thing to run (npm start): the terminal UI on FILE, or on the bundled example report
(illumos #1532) when none is given. Not on a terminal, the text report and analyze's exit code.

options:
      --fail-on SEVERITY   the exit code threshold when not on a terminal (default high)
  -h, --help               this text

exit codes: as for playfair tui.
`;
