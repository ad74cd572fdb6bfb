// Reads a typed mdb command line into stages. Returns null when the text is not an mdb command
// (so a prose line that happens to start with `> ` is not mistaken for one).
import type { IToken } from '../common/chevrotain.ts';
import type { CommandStage, ParsedCommand } from '../common/command-types.ts';
import { first, onlyToken } from '../common/cst.ts';
import { parseCommandCst } from './api.ts';
import type { StageCstNode } from './cst-types.ts';
import { Quoted } from './lexer.ts';
import { commandParser } from './parser.ts';

const MAX_COMMAND = 4096;

function unquote(s: string): string {
  return (s.startsWith("'") && s.endsWith("'")) || (s.startsWith('"') && s.endsWith('"')) ? s.slice(1, -1) : s;
}

function stageOf(node: StageCstNode): CommandStage | null {
  const c = node.children;
  const addr = first(c.addr)?.image ?? null;
  const count = first(c.count)?.image ?? null;
  const verbNode = first(c.verb);
  if (verbNode === undefined) {
    if (addr === null) return null;
    return { addr, count, verb: 'repeat', name: '', args: [] };
  }
  const v = verbNode.children;
  const dcmd = first(v.DcmdName);
  const format = first(v.FormatVerb);
  const macro = first(v.MacroVerb);
  const other = first(v.Builtin) ?? first(v.AssignVar) ?? first(v.ShellEscape);
  let verb: CommandStage['verb'];
  let name: string;
  if (dcmd) {
    verb = 'dcmd';
    name = dcmd.image.slice(2);
  } else if (format) {
    verb = 'format';
    name = format.image.slice(1);
  } else if (macro) {
    verb = 'macro';
    name = macro.image.slice(macro.image.startsWith('$<<') ? 3 : 2);
  } else if (other) {
    verb = 'builtin';
    name = other.image;
  } else return null;
  // Adjacent argument tokens with no space between them are one argument (`-c`, `foo/bar`).
  const argToks: IToken[] = (c.argument ?? []).map((a) => onlyToken(a.children));
  argToks.sort((a, b) => a.startOffset - b.startOffset);
  const args: string[] = [];
  let lastEnd = -2;
  for (const t of argToks) {
    const image = t.tokenType === Quoted ? unquote(t.image) : t.image;
    if (t.startOffset === lastEnd + 1 && args.length > 0) args[args.length - 1] += image;
    else args.push(image);
    lastEnd = t.endOffset ?? t.startOffset + t.image.length - 1;
  }
  return format?.image.startsWith('=') ? { addr, count, verb, name, args, immediate: true } : { addr, count, verb, name, args };
}

export function parseCommandLine(text: string): ParsedCommand | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_COMMAND) return null;
  const { cst, lexErrors, parseErrors } = parseCommandCst(trimmed);
  if (lexErrors.length > 0 || parseErrors.length > 0 || cst === undefined) return null;
  const stages: CommandStage[] = [];
  for (const node of cst.children.stage) {
    const st = stageOf(node);
    if (st === null) return null;
    stages.push(st);
  }
  if (stages.length === 0) return null;
  // An address alone is only a command on its own, never inside a pipeline.
  if (stages.length > 1 && stages.some((s) => s.verb === 'repeat')) return null;
  return { text: trimmed, stages };
}

export function commandProductions() {
  return commandParser.getSerializedGastProductions();
}
