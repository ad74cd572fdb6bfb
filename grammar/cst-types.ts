// `npm run grammar:types`: rewrites every grammar's cst-types.ts from the grammar (see cst-gen.ts).
import { writeFileSync } from 'node:fs';
import { CST_GRAMMARS, cstTypesText } from './cst-gen.ts';

for (const g of CST_GRAMMARS) {
  writeFileSync(new URL(`./${g.name}/cst-types.ts`, import.meta.url), await cstTypesText(g));
  console.log(`grammar/${g.name}/cst-types.ts`);
}
