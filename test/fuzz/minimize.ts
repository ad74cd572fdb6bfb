// Shrinks a failing input to fewer lines while the same failure (by signature) still occurs,
// so regression fixtures show the bug rather than the whole mutated transcript.
import { checkText, signature, type Targets } from './check.ts';

export interface MinimizeBudget {
  /** Most re-checks to spend. */
  checks: number;
  /** Wall-clock budget in ms. */
  ms: number;
}

export async function minimize(text: string, sig: string, targets: Targets, budget: MinimizeBudget): Promise<string> {
  const deadline = Date.now() + budget.ms;
  let checks = 0;
  const stillFails = async (t: string): Promise<boolean> => {
    checks++;
    return (await checkText(t, targets)).some((f) => signature(f) === sig);
  };
  // Keep the trailing-newline shape: pieces are lines with their terminators.
  let pieces = linesWithEnds(text);
  let chunk = Math.max(1, pieces.length >> 1);
  while (chunk >= 1 && checks < budget.checks && Date.now() < deadline) {
    let removed = false;
    for (let i = 0; i < pieces.length && checks < budget.checks && Date.now() < deadline; ) {
      const next = pieces.slice(0, i).concat(pieces.slice(i + chunk));
      if (next.length < pieces.length && (await stillFails(next.join('')))) {
        pieces = next;
        removed = true;
      } else i += chunk;
    }
    if (!removed) chunk >>= 1;
    else chunk = Math.min(chunk, Math.max(1, pieces.length >> 1));
  }
  return pieces.join('');
}

function linesWithEnds(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}
