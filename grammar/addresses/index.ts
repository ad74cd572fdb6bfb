// Address lists are read line by line: each line stands alone, so one bad line costs only itself.
import type { AddressListRecord } from '../records.ts';
import { first } from '../common/cst.ts';
import { guarded, tooLong } from '../common/diagnostics.ts';
import { emptyResult, type SectionParser } from '../common/source.ts';
import { normalizeAddr } from '../common/numbers.ts';
import { parseAddressLine } from './api.ts';
import { addressParser } from './parser.ts';

export const parseAddresses: SectionParser = (lines) => {
  const rec: AddressListRecord = { kind: 'addresses', line: lines[0]?.no ?? 0, addrs: [] };
  const result = emptyResult();
  const unrecognized = result.unrecognized;
  for (const l of lines) {
    guarded(unrecognized, l.no, 'address', () => {
      const long = tooLong('addresses', l.no, l.text);
      if (long) {
        unrecognized.push(long);
        return;
      }
      const { cst, lexErrors, parseErrors } = parseAddressLine(l.text);
      if (lexErrors.length > 0 || parseErrors.length > 0) {
        const col = parseErrors[0]?.token.startColumn ?? lexErrors[0]?.column ?? 1;
        unrecognized.push({ line: l.no, col: Number.isFinite(col) ? col : 1, message: 'expected one address per line' });
        return;
      }
      const tok = first(cst.children.HexAddr);
      if (tok !== undefined) {
        const addr = normalizeAddr(tok.image);
        if (addr !== null) rec.addrs.push({ addr, line: l.no });
      }
    });
  }
  if (rec.addrs.length > 0) result.records.push(rec);
  return result;
};

export function addressesProductions() {
  return addressParser.getSerializedGastProductions();
}
