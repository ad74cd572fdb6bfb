// `::cpuinfo [-v]` sections into CpuRecords. Lines are parsed one at a time with the lexer for the
// address width the last header showed; a line that fails costs one diagnostic and nothing else.
import type { IRecognitionException, ILexingError } from '../common/chevrotain.ts';
import { hasOption, type ParsedCommand } from '../common/command-types.ts';
import { isTooLong, tooLongMessage } from '../common/lines.ts';
import { emptyResult, internalDiagnostic, internalError, type SectionParser, type SourceLine } from '../common/source.ts';
import { parseCpuinfoLine } from './api.ts';
import { CpuinfoAssembler } from './assemble.ts';
import type { AddrWidth } from './layout.ts';
import { readLine } from './lines.ts';
import { cpuinfoParser } from './parser.ts';

/** `-v` as typed: `::cpuinfo -v`, or the adb macros `$<cpu`, `$<cpun`, `$<cpus`; null when unknown. */
function commandIsVerbose(cmd: ParsedCommand | null): boolean | null {
  if (cmd === null) return null;
  for (const st of cmd.stages) {
    if (st.verb === 'dcmd' && st.name === 'cpuinfo') return hasOption(st, 'v');
    if (st.verb === 'macro' && (st.name === 'cpu' || st.name === 'cpun' || st.name === 'cpus')) return true;
  }
  return null;
}

/** A line whose first word sits where a CPU id does (columns 1-3) and is a digit. */
function looksLikeRow(text: string): boolean {
  let i = 0;
  while (i < 3 && text[i] === ' ') i++;
  const c = text.charCodeAt(i);
  return i < 3 && c >= 48 && c <= 57;
}

/** Column (1-based) of a lexing or parsing problem; the end of the text when the line ends early. */
function problemCol(text: string, lexErrors: ILexingError[], parseErrors: IRecognitionException[]): number {
  const p = parseErrors[0];
  if (p !== undefined) {
    const off = p.token.startOffset;
    return Number.isFinite(off) ? off + 1 : text.trimEnd().length + 1;
  }
  return (lexErrors[0]?.offset ?? 0) + 1;
}

function readOne(src: SourceLine, width: AddrWidth, asm: CpuinfoAssembler) {
  if (isTooLong(src.text)) {
    asm.bad(src, 1, tooLongMessage('::cpuinfo', src.text.length), looksLikeRow(src.text));
    return null;
  }
  const { cst, lexErrors, parseErrors } = parseCpuinfoLine(src.text, width);
  if (lexErrors.length > 0 || parseErrors.length > 0) {
    const message = parseErrors[0]?.message ?? lexErrors[0]?.message ?? 'unreadable line';
    asm.bad(src, problemCol(src.text, lexErrors, parseErrors), message, looksLikeRow(src.text));
    return null;
  }
  const shape = readLine(cst, src.text);
  if (shape.kind === 'error') {
    asm.bad(src, shape.col, shape.message, looksLikeRow(src.text));
    return null;
  }
  return shape;
}

export const parseCpuinfo: SectionParser = (lines, ctx) => {
  const out = emptyResult();
  const asm = new CpuinfoAssembler();
  let width: AddrWidth = 16;
  let widthKnown = false;
  for (const src of lines) {
    try {
      const shape = readOne(src, width, asm);
      if (shape === null) continue;
      if (shape.kind === 'header') {
        width = shape.width;
        widthKnown = true;
      } else if (shape.kind === 'row' && !widthKnown) {
        // Output pasted without its header: a 32-bit mdb prints 8 digits.
        width = shape.addr.length <= 8 ? 8 : 16;
        widthKnown = true;
      }
      asm.add(src, shape, width);
    } catch (e) {
      // Safety net: a grammar bug must cost one line, not the section, and show as a bug.
      asm.diagnostics.push(internalDiagnostic(src.no, 1, 'reading this ::cpuinfo line', internalError(e)));
    }
  }
  out.records = asm.finish(commandIsVerbose(ctx.command));
  out.unrecognized = asm.diagnostics;
  return out;
};

/** The grammar's productions, for railroad diagrams. */
export function cpuinfoProductions() {
  return cpuinfoParser.getSerializedGastProductions();
}
