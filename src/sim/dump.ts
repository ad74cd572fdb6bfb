// Taking the dump: the dumping CPU is inside an interrupt (its thread pins whatever ran there) and
// that interrupt's wake-ups are queued but never dispatched; the other CPUs are stopped with
// QUIESCED set (panic_stopcpus). Nothing runs afterwards.
import { intrStart } from './interrupts.ts';
import { PHASE_D } from './heap.ts';
import { replan } from './engine.ts';
import { CPU_QUIESCED, SimCpu, SimState } from './types.ts';

export function applyDump(s: SimState): void {
  const d = s.dump;
  if (d === null || s.dumped) return;
  s.curPhase = PHASE_D;
  const cp = s.cpus[d.cpu] as SimCpu;
  intrStart(s, cp, d.pil, d.wakes);
  if (d.quiesceOthers) for (const c of s.cpus) if (c !== cp) c.flags |= CPU_QUIESCED;
  for (let i = 0; i < s.dirtyN; i++) (s.dirtyList[i] as SimCpu).dirty = false;
  s.dirtyN = 0;
  replan(s);
  s.dumped = true;
}
