// Word wrapping for terminal text. Words longer than the width are left whole (addresses, paths).
export function wrap(text: string, width: number, indent = '', hanging = indent): string[] {
  const out: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = hanging + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  out.push(line);
  return out;
}
