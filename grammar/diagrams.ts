// `npm run grammar:diagrams`: Chevrotain railroad diagrams of every grammar, one HTML file each.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createSyntaxDiagramsCode, type ISerializedGast } from './common/chevrotain.ts';
import { commandProductions } from './command/index.ts';
import { addressesProductions } from './addresses/index.ts';

type Productions = () => ISerializedGast[];

const GRAMMARS: Record<string, () => Promise<Productions>> = {
  command: async () => commandProductions,
  addresses: async () => addressesProductions,
  cpuinfo: async () => (await import('./cpuinfo/index.ts')).cpuinfoProductions,
  findstack: async () => (await import('./findstack/index.ts')).findstackProductions,
  stacks: async () => (await import('./stacks/index.ts')).stacksProductions,
  threadlist: async () => (await import('./threadlist/index.ts')).threadlistProductions,
  thread: async () => (await import('./thread/index.ts')).threadProductions,
  frames: async () => (await import('./frames/index.ts')).framesProductions,
  print: async () => (await import('./print/index.ts')).printProductions,
  format: async () => (await import('./format/index.ts')).formatProductions,
  status: async () => (await import('./status/index.ts')).statusProductions,
  panic: async () => (await import('./panic/index.ts')).panicProductions,
  registers: async () => (await import('./registers/index.ts')).registersProductions,
  system: async () => (await import('./system/index.ts')).systemProductions,
};

const out = new URL('./diagrams/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const [name, load] of Object.entries(GRAMMARS)) {
  const productions = await load();
  writeFileSync(new URL(`${name}.html`, out), createSyntaxDiagramsCode(productions()));
  console.log(`grammar/diagrams/${name}.html`);
}
