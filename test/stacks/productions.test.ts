import { createSyntaxDiagramsCode } from '../../grammar/common/chevrotain.ts';
import { describe, expect, it } from 'vitest';
import { findstackProductions } from '../../grammar/findstack/index.ts';
import { framesProductions } from '../../grammar/frames/index.ts';
import { stacksProductions } from '../../grammar/stacks/index.ts';
import { threadProductions } from '../../grammar/thread/index.ts';
import { threadlistProductions } from '../../grammar/threadlist/index.ts';

describe('serialized productions for railroad diagrams', () => {
  it.each([
    ['findstack', findstackProductions, ['findstackLine', 'threadHeader', 'savedPc', 'possibleHeader', 'frame', 'pc', 'frameArgs']],
    ['stacks', stacksProductions, ['stacksLine', 'header', 'groupLine', 'state', 'sobj', 'failure', 'pc']],
    ['threadlist', threadlistProductions, ['threadlistLine', 'header', 'row', 'pcLine', 'pc']],
    ['thread', threadProductions, ['threadLine', 'headerLine', 'valueLine']],
    ['frames', framesProductions, ['frameLine', 'frame', 'pc', 'frameArgs', 'warning', 'elision']],
  ] as const)('%s lists its rules and draws', (_n, productions, rules) => {
    const names = productions().map((r) => (r as { name?: string }).name);
    expect(names).toEqual(expect.arrayContaining([...rules]));
    const html = createSyntaxDiagramsCode(productions());
    for (const r of rules) expect(html).toContain(r);
  });
});
