// Reads a typed mdb command line into stages. Returns null when the text is not an mdb command
// (so a prose line that happens to start with `> ` is not mistaken for one).
import type { IToken } from '../common/chevrotain.ts';
import type { CommandStage, ParsedCommand } from '../common/command-types.ts';
import { first } from '../common/cst.ts';
import { parseCommandCst } from './api.ts';
import type { StageCstNode } from './cst-types.ts';
import { commandParser } from './parser.ts';

const MAX_COMMAND = 4096;

/** The one token of a node whose alternatives are single tokens. */
function onlyToken(children: Record<string, IToken[] | undefined>): IToken | undefined {
  for (const k of Object.keys(children)) {
    const t = children[k]?.[0];
    if (t !== undefined) return t;
  }
  return undefined;
}

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
  const verbTok = onlyToken(verbNode.children);
  if (verbTok === undefined) return null;
  const img = verbTok.image;
  let verb: CommandStage['verb'];
  let name: string;
  switch (verbTok.tokenType.name) {
    case 'DcmdName':
      verb = 'dcmd';
      name = img.slice(2);
      break;
    case 'FormatVerb':
      verb = 'format';
      name = img.slice(1);
      break;
    case 'MacroVerb':
      verb = 'macro';
      name = img.replace(/^\$<<?/, '');
      break;
    default:
      verb = 'builtin';
      name = img;
  }
  // Adjacent argument tokens with no space between them are one argument (`-c`, `foo/bar`).
  const argToks: IToken[] = [];
  for (const a of c.argument ?? []) {
    const t = onlyToken(a.children);
    if (t !== undefined) argToks.push(t);
  }
  argToks.sort((a, b) => a.startOffset - b.startOffset);
  const args: string[] = [];
  let lastEnd = -2;
  for (const t of argToks) {
    const image = t.tokenType.name === 'Quoted' ? unquote(t.image) : t.image;
    if (t.startOffset === lastEnd + 1 && args.length > 0) args[args.length - 1] += image;
    else args.push(image);
    lastEnd = t.endOffset ?? t.startOffset + t.image.length - 1;
  }
  return { addr, count, verb, name, args };
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
