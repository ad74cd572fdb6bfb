// cpu_flags bits (usr/src/uts/common/sys/cpuvar.h) and the names `::cpuinfo -v` prints for them.

export const CPU_RUNNING = 0x001;
export const CPU_READY = 0x002;
export const CPU_QUIESCED = 0x004;
export const CPU_EXISTS = 0x008;
export const CPU_ENABLE = 0x010;
export const CPU_OFFLINE = 0x020;
export const CPU_POWEROFF = 0x040;
export const CPU_FROZEN = 0x080;
export const CPU_SPARE = 0x100;
export const CPU_FAULTED = 0x200;
/** Named in mdb only since illumos 11048 (2019); older mdb prints no margin line for it. */
export const CPU_DISABLED = 0x400;

export interface CpuFlag {
  bit: number;
  name: string;
}

/** Lowest bit first: the order of the `-v` margin. */
export const CPU_FLAGS: readonly CpuFlag[] = [
  { bit: CPU_RUNNING, name: 'RUNNING' },
  { bit: CPU_READY, name: 'READY' },
  { bit: CPU_QUIESCED, name: 'QUIESCED' },
  { bit: CPU_EXISTS, name: 'EXISTS' },
  { bit: CPU_ENABLE, name: 'ENABLE' },
  { bit: CPU_OFFLINE, name: 'OFFLINE' },
  { bit: CPU_POWEROFF, name: 'POWEROFF' },
  { bit: CPU_FROZEN, name: 'FROZEN' },
  { bit: CPU_SPARE, name: 'SPARE' },
  { bit: CPU_FAULTED, name: 'FAULTED' },
  { bit: CPU_DISABLED, name: 'DISABLED' },
];

const BY_NAME = new Map(CPU_FLAGS.map((f) => [f.name, f.bit]));

/** The names of the bits set in `flags`, lowest bit first. */
export function cpuFlagNames(flags: number): string[] {
  const out: string[] = [];
  for (const f of CPU_FLAGS) if ((flags & f.bit) !== 0) out.push(f.name);
  return out;
}

/** The bit of a margin name, or null for a name mdb does not print. */
export function cpuFlagBit(name: string): number | null {
  return BY_NAME.get(name) ?? null;
}
