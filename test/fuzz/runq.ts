// A transcript with one very long run queue: the seed's `::cpuinfo -v` with CPU 1's queue grown
// to N entries. Outputs that spread data-sized arrays (`Math.max(...xs)`) or recurse per entry
// die on it; the fuzzer runs every output and path on it once per campaign (issue 13).

/** The seed with CPU 1's run queue (4 entries) grown to `entries` (at least 4), NRUN to match. */
export function bigRunQueue(seed: string, entries: number): string {
  const ls = seed.split('\n');
  const last = ls.findIndex((l) => l.includes('ENABLE                59 ffffff01e35b43c0'));
  const row = ls.findIndex((l) => l.startsWith('  1 ffffff01d3e32580  1f    4 '));
  if (last < 0 || row < 0) throw new Error('the seed no longer has the run queue of CPU 1 where expected');
  const extra: string[] = [];
  // Distinct thread addresses, priority 59 as the queue's tail, in the column layout mdb prints.
  for (let k = 0; k < entries - 4; k++) extra.push(`                                   59 ffffff02${k.toString(16).padStart(8, '0')} qemu-system-x86_`);
  ls[row] = ls[row]!.replace('  1f    4 ', `  1f ${String(entries).padStart(4)} `);
  return [...ls.slice(0, last + 1), ...extra, ...ls.slice(last + 1)].join('\n');
}
