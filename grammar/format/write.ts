// `ADDR/W VALUE` (and /v, /w, /Z: 1, 2, 4 and 8 bytes) writes memory on a live system or a core
// opened for writing (`mdb -kw`) and prints, per value, the address, the old value and the value
// read back after the write: `kpreemptpri:    0x64            =       0x63`
// (mdb_cmds.c write_uint*: `%-#*lla%16T%-#Nx=%8T0x%x`). The read-back is what the variable holds
// from then on: an engineer applying the #1532 fix on a live system types `kpreemptpri/W 0t99`.
import type { CommandStage } from '../common/command-types.ts';
import { words } from '../common/lines.ts';
import { parseMdbBigInt } from '../common/numbers.ts';

/** Bytes each write verb stores. */
export const WRITE_BYTES: Readonly<Record<string, number>> = { v: 1, w: 2, W: 4, Z: 8 };

/** A stage that writes: a write verb with at least one value, every value a number mdb reads. */
export function isWriteStage(st: CommandStage): boolean {
  return st.verb === 'format' && WRITE_BYTES[st.name] !== undefined && st.args.length > 0 && st.args.every((a) => parseMdbBigInt(a, 16) !== null);
}

export interface WriteLine {
  /** The address label without its colon: a symbol (`kpreemptpri`, `kpreemptpri+4`) or `0x...`. */
  label: string;
  old: string;
  /** The value read back after the write. */
  now: string;
}

/** `LABEL: OLD = NOW`, each value hex with `0x` (or `0`); null for any other line. */
export function parseWriteLine(text: string): WriteLine | null {
  const ws = words(text);
  if (ws.length !== 4 || !ws[0]!.endsWith(':') || ws[0]!.length < 2 || ws[2] !== '=') return null;
  const hex = (w: string) => (w === '0' || (w.startsWith('0x') && w.length > 2)) && parseMdbBigInt(w, 16) !== null;
  if (!hex(ws[1]!) || !hex(ws[3]!)) return null;
  return { label: ws[0]!.slice(0, -1), old: ws[1]!, now: ws[3]! };
}
