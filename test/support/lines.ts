// Texts as the numbered lines a grammar or a rejoin reads, from line 1.
import type { SourceLine } from '../../grammar/common/source.ts';

export function numbered(texts: readonly string[]): SourceLine[] {
  return texts.map((text, i) => ({ no: i + 1, text }));
}
