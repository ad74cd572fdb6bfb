// Which grammar reads the output of a typed command: the last stage of a pipeline decides,
// because earlier stages write into the pipe, not the terminal.
import type { CommandStage, ParsedCommand } from '../../grammar/common/command-types.ts';
import type { SectionKind } from './types.ts';

const DCMD_KINDS: Record<string, SectionKind> = {
  cpuinfo: 'cpuinfo',
  findstack: 'findstack',
  stacks: 'stacks',
  threadlist: 'threadlist',
  thread: 'thread',
  print: 'print',
  sizeof: 'print',
  status: 'status',
  panicinfo: 'panicinfo',
  system: 'system',
  stack: 'frames',
  stackregs: 'frames',
  // A CPU's stack as $c or $C prints it; the model gives it to no thread.
  cpustack: 'frames',
  msgbuf: 'panic',
  walk: 'addresses',
  cpuregs: 'registers',
  ps: 'ps',
  pgrep: 'ps',
  class: 'classes',
  mutex: 'mutex',
  rwlock: 'rwlock',
  turnstile: 'turnstile',
  wchaninfo: 'wchaninfo',
};

/** A dcmd whose output a grammar here reads, or that feeds one (`::walk`, `::pgrep`). */
export function isKnownDcmd(name: string): boolean {
  return Object.hasOwn(DCMD_KINDS, name);
}

/** adb macros that are aliases of dcmds we read (`$<cpus` is `::walk cpu | ::cpuinfo -v`). */
const MACRO_KINDS: Record<string, SectionKind> = { cpu: 'cpuinfo', cpun: 'cpuinfo', cpus: 'cpuinfo' };

function stageKind(st: CommandStage): SectionKind {
  switch (st.verb) {
    case 'dcmd':
      return DCMD_KINDS[st.name] ?? 'unknown';
    case 'format':
      return 'format';
    case 'macro':
      return MACRO_KINDS[st.name] ?? 'unknown';
    case 'builtin': {
      const b = st.name.replace(/[0-9]+$/, '');
      if (b === '$C' || b === '$c') return 'frames';
      if (b === '$r') return 'registers';
      return 'unknown';
    }
    case 'repeat':
      return 'unknown';
  }
}

/** The section kind for a command; `previous` is the kind of the command before it (an address alone repeats it). */
export function kindOfCommand(cmd: ParsedCommand, previous: SectionKind | null): SectionKind {
  const last = cmd.stages[cmd.stages.length - 1]!;
  if (last.verb === 'repeat') return previous ?? 'unknown';
  return stageKind(last);
}

