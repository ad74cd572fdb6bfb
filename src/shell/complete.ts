// Tab completion of dcmd names at the prompt: the word under the cursor (after a space or a pipe),
// with any address before its `::` kept (`ffff::find` -> `ffff::findstack`).
import { completionNames } from './dcmds.ts';

export function completeLine(line: string): [string[], string] {
  const start = Math.max(line.lastIndexOf(' '), line.lastIndexOf('|')) + 1;
  const word = line.slice(start);
  const cut = word.indexOf('::') >= 0 ? word.indexOf('::') : word.indexOf('$') >= 0 ? word.indexOf('$') : word.length;
  const prefix = word.slice(0, cut);
  const stem = word.slice(cut);
  const names = completionNames().filter((n) => n.startsWith(stem === '' ? '::' : stem));
  return [names.map((n) => prefix + n), word];
}
