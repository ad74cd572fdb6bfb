// The committed CST types (<grammar>/cst-types.ts) are exactly what generating them from the
// grammars gives now: a grammar change without `npm run grammar:types` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CST_GRAMMARS, cstTypesText } from '../../grammar/cst-gen.ts';

describe('committed CST types match the grammars', () => {
  it('covers every grammar directory with a parser', () => {
    expect(CST_GRAMMARS.map((g) => g.name).sort()).toEqual(
      ['addresses', 'command', 'cpuinfo', 'findstack', 'format', 'frames', 'panic', 'print', 'registers', 'stacks', 'status', 'system', 'thread', 'threadlist'],
    );
  });

  it.each(CST_GRAMMARS.map((g) => [g.name, g] as const))('%s', async (name, g) => {
    const committed = readFileSync(new URL(`../../grammar/${name}/cst-types.ts`, import.meta.url), 'utf8');
    expect(committed, `grammar/${name}/cst-types.ts is stale: run npm run grammar:types`).toBe(await cstTypesText(g));
  });

  it('generation reflects a rule: findstack threadHeader has its labels, TsFree optional', async () => {
    const g = CST_GRAMMARS.find((x) => x.name === 'findstack')!;
    const text = await cstTypesText(g);
    expect(text).toContain('export type ThreadHeaderCstChildren = {\n  StackPointerFor: IToken[];\n  thread: IToken[];\n  TsFree?: IToken[];');
  });
});
