// Reads a typed mdb command line into stages. Returns null when the text is not an mdb command
// (so a prose line that happens to start with `> ` is not mistaken for one).
import type { CstNode, IToken } from '../common/chevrotain.ts';
import type { CommandStage, ParsedCommand } from '../common/command-types.ts';
import { parseCommandCst } from './api.ts';
import { commandParser } from './parser.ts';

const MAX_COMMAND = 4096;

function tokens(node: CstNode, name: string): IToken[] {
  const c = node.children[name];
  return (c ?? []) as IToken[];
}

function unquote(s: string): string {
  return (s.startsWith("'") && s.endsWith("'")) || (s.startsWith('"') && s.endsWith('"')) ? s.slice(1, -1) : s;
}

function stageOf(node: CstNode): CommandStage | null {
  const addrTok = tokens(node, 'addr')[0]?.image ?? null;
  const verbNode = (node.children['verb'] as CstNode[] | undefined)?.[0];
  if (verbNode === undefined) {
    if (addrTok === null) return null;
    return { addr: addrTok, count: tokens(node, 'count')[0]?.image ?? null, verb: 'repeat', name: '', args: [] };
  }
  const verbTok = Object.values(verbNode.children).flat()[0] as IToken;
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
  const argToks = ((node.children['argument'] as CstNode[] | undefined) ?? [])
    .map((a) => Object.values(a.children).flat()[0] as IToken)
    .sort((a, b) => a.startOffset - b.startOffset);
  const args: string[] = [];
  let lastEnd = -2;
  for (const t of argToks) {
    const image = t.tokenType.name === 'Quoted' ? unquote(t.image) : t.image;
    if (t.startOffset === lastEnd + 1 && args.length > 0) args[args.length - 1] += image;
    else args.push(image);
    lastEnd = t.endOffset ?? t.startOffset + t.image.length - 1;
  }
  const addr = tokens(node, 'addr')[0]?.image ?? null;
  const count = tokens(node, 'count')[0]?.image ?? null;
  return { addr, count, verb, name, args };
}

export function parseCommandLine(text: string): ParsedCommand | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_COMMAND) return null;
  const { cst, lexErrors, parseErrors } = parseCommandCst(trimmed);
  if (lexErrors.length > 0 || parseErrors.length > 0 || cst === undefined) return null;
  const stages: CommandStage[] = [];
  for (const node of (cst.children['stage'] as CstNode[] | undefined) ?? []) {
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
