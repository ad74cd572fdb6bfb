// Section reader for register dumps: `::panicinfo`, `$r`, `::cpuregs`, console `rdi: ...` blocks.
// One RegistersRecord per dump (a repeated register name starts the next one); `::panicinfo`'s
// cpu/thread/message rows also give a PanicRecord.
import type { ISerializedGast } from '../common/chevrotain.ts';
import { normalizeAddr, parseMdbInt } from '../common/numbers.ts';
import { guarded, readLine } from '../common/diagnostics.ts';
import { isBlank, shown } from '../common/lines.ts';
import { emptyResult, type GrammarResult, type SectionParser } from '../common/source.ts';
import type { MdbRecord, PanicRecord, RegistersRecord } from '../records.ts';
import { parseRegistersLine } from './api.ts';
import { registersParser } from './parser.ts';
import { badValue, rowFromCst } from './rows.ts';

export { parseRegistersLine } from './api.ts';
export { rowFromCst, badValue, isRegValue, type RegEntry, type RegRow } from './rows.ts';
export { REGISTER_NAMES } from './lexer.ts';

/** Collects register entries into records, starting a new record when a name repeats. */
export class RegisterCollector {
  readonly records: RegistersRecord[] = [];
  private cur: RegistersRecord | null = null;

  add(name: string, value: string, no: number): void {
    if (this.cur === null || name in this.cur.regs) {
      this.cur = { kind: 'registers', line: no, regs: {} };
      this.records.push(this.cur);
    }
    this.cur.regs[name] = { value, line: no };
  }

  /** Ends the current dump (a new panic starts a new register block). */
  cut(): void {
    this.cur = null;
  }
}

/** A `::panicinfo` panic: its fields are on rows of their own, so each keeps its line. */
type PanicinfoRecord = PanicRecord & { lines: NonNullable<PanicRecord['lines']> };

export const parseRegisters: SectionParser = (lines): GrammarResult => {
  const result = emptyResult();
  const regs = new RegisterCollector();
  let panic: PanicinfoRecord | null = null;
  const panicRec = (no: number): PanicinfoRecord => (panic ??= { kind: 'panic', line: no, cpu: null, thread: null, message: '', lines: {} });
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    guarded(result.unrecognized, no, 'registers', () => {
      const r = readLine('registers', text, no, parseRegistersLine);
      if (r.problem) {
        result.unrecognized.push(r.problem);
        return;
      }
      const row = rowFromCst(r.cst, text);
      if (row.kind === 'message') {
        const p = panicRec(no);
        p.message = row.message ?? '';
        p.lines.message = no;
        return;
      }
      const bad = badValue(row);
      if (bad) {
        result.unrecognized.push({ line: no, col: bad.at + 1, message: `registers: '${shown(bad.value)}' is not a register value` });
        return;
      }
      const cpuEntry = row.entries.find((e) => e.name === 'cpu');
      const cpu = cpuEntry === undefined ? null : parseMdbInt(cpuEntry.value, /[a-f]/i.test(cpuEntry.value) ? 16 : 10);
      // A CPU id is an int: anything else (2^53 and past, above all) is refused, not rounded.
      if (cpuEntry !== undefined && (cpu === null || cpu < 0 || cpu > 2147483647)) {
        result.unrecognized.push({ line: no, col: cpuEntry.at + 1, message: `registers: cpu '${shown(cpuEntry.value)}' is not a CPU id` });
        return;
      }
      for (const e of row.entries) {
        if (e.name === 'cpu') {
          const p = panicRec(no);
          p.cpu = cpu;
          p.lines.cpu = no;
        } else if (e.name === 'thread') {
          const p = panicRec(no);
          p.thread = normalizeAddr(e.value);
          p.lines.thread = no;
        } else regs.add(e.name, e.value, no);
      }
    });
  }
  const records: MdbRecord[] = [];
  if (panic !== null) records.push(panic);
  records.push(...regs.records);
  result.records = records;
  return result;
};

/** Serialized grammar of one register-dump line, for railroad diagrams. */
export function registersProductions(): ISerializedGast[] {
  return registersParser.getSerializedGastProductions();
}
