// `::panicinfo` as mdb prints it: one field a row, the name right-aligned in 16 columns and the
// value right-aligned in a pointer's width (the message as is). Registers are left out: neither a
// snapshot nor the simulator keeps them.

/** The name column of every row. */
export const PANICINFO_NAME_WIDTH = 16;

export interface PanicinfoView {
  cpu: number | null;
  thread: string | null;
  message: string | null;
}

export function renderPanicinfo(p: PanicinfoView, addrWidth = 16): string[] {
  const row = (name: string, value: string) => `${name.padStart(PANICINFO_NAME_WIDTH)} ${value.padStart(addrWidth)}`;
  const out: string[] = [];
  if (p.cpu !== null) out.push(row('cpu', String(p.cpu)));
  if (p.thread !== null) out.push(row('thread', p.thread));
  if (p.message !== null) out.push(`${'message'.padStart(PANICINFO_NAME_WIDTH)} ${p.message}`);
  return out;
}
