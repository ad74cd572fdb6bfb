// Which grammar reads which kind of section.
import type { SectionParser } from '../../grammar/common/source.ts';
import type { SectionKind } from '../ingest/types.ts';
import { parseCpuinfo } from '../../grammar/cpuinfo/index.ts';
import { parseFindstack } from '../../grammar/findstack/index.ts';
import { parseStacks } from '../../grammar/stacks/index.ts';
import { parseThreadlist } from '../../grammar/threadlist/index.ts';
import { parseThread } from '../../grammar/thread/index.ts';
import { parseFrames } from '../../grammar/frames/index.ts';
import { parsePrint } from '../../grammar/print/index.ts';
import { parseFormat } from '../../grammar/format/index.ts';
import { parseStatus } from '../../grammar/status/index.ts';
import { parsePanic } from '../../grammar/panic/index.ts';
import { parseRegisters } from '../../grammar/registers/index.ts';
import { parseSystem } from '../../grammar/system/index.ts';
import { parseAddresses } from '../../grammar/addresses/index.ts';
import { parsePs } from '../../grammar/ps/index.ts';
import { parseClasses } from '../../grammar/classes/index.ts';
import { parseMutex } from '../../grammar/mutex/index.ts';
import { parseRwlock } from '../../grammar/rwlock/index.ts';
import { parseTurnstile } from '../../grammar/turnstile/index.ts';
import { parseWchaninfo } from '../../grammar/wchaninfo/index.ts';

export const GRAMMARS: Partial<Record<SectionKind, SectionParser>> = {
  cpuinfo: parseCpuinfo,
  findstack: parseFindstack,
  stacks: parseStacks,
  threadlist: parseThreadlist,
  thread: parseThread,
  frames: parseFrames,
  print: parsePrint,
  format: parseFormat,
  status: parseStatus,
  panic: parsePanic,
  panicinfo: parseRegisters,
  registers: parseRegisters,
  system: parseSystem,
  addresses: parseAddresses,
  ps: parsePs,
  classes: parseClasses,
  mutex: parseMutex,
  rwlock: parseRwlock,
  turnstile: parseTurnstile,
  wchaninfo: parseWchaninfo,
};
