// How text comes out of a wrap, for tests of reading it back: `fold -w` cuts every line longer than
// the width into pieces of the width; `fold -s` (a mail client) cuts after the last space within
// the width, and at the width where there is none. Nothing is dropped.

export function foldLine(line: string, width: number, atSpace: boolean): string[] {
  const out: string[] = [];
  let l = line;
  while (l.length > width) {
    const sp = atSpace ? l.lastIndexOf(' ', width - 1) : -1;
    const cut = sp > 0 ? sp + 1 : width;
    out.push(l.slice(0, cut));
    l = l.slice(cut);
  }
  return [...out, l];
}

export function fold(text: string, width: number, atSpace: boolean): string {
  return text
    .split('\n')
    .flatMap((l) => foldLine(l, width, atSpace))
    .join('\n');
}
