// Address lists are read line by line: each line stands alone, so one bad line costs only itself.
import type { IToken } from '../common/chevrotain.ts';
import type { AddressListRecord } from '../records.ts';
import type { Diagnostic, GrammarResult, SectionParser } from '../common/source.ts';
import { normalizeAddr } from '../common/numbers.ts';
import { parseAddressLine } from './api.ts';
import { addressParser } from './parser.ts';

export const parseAddresses: SectionParser = (lines) => {
  const rec: AddressListRecord = { kind: 'addresses', line: lines[0]?.no ?? 0, addrs: [] };
  const unrecognized: Diagnostic[] = [];
  const result: GrammarResult = { records: [rec], unrecognized, lexErrors: [], parseErrors: [] };
  for (const l of lines) {
    const { cst, lexErrors, parseErrors } = parseAddressLine(l.text);
    const tok = (cst.children['HexAddr'] as IToken[] | undefined)?.[0];
    const junk = lexErrors.length > 0 || parseErrors.length > 0;
    if (junk) {
      const col = parseErrors[0]?.token.startColumn ?? lexErrors[0]?.column ?? 1;
      unrecognized.push({ line: l.no, col: Number.isFinite(col) ? col : 1, message: 'expected one address per line' });
      result.lexErrors.push(...lexErrors);
      result.parseErrors.push(...parseErrors);
      continue;
    }
    if (tok !== undefined) {
      const addr = normalizeAddr(tok.image);
      if (addr !== null) rec.addrs.push({ addr, line: l.no });
    }
  }
  if (rec.addrs.length === 0) result.records = [];
  return result;
};

export function addressesProductions() {
  return addressParser.getSerializedGastProductions();
}
