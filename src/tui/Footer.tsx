// The bottom line: the keys that work here. On a narrow terminal the least used global keys
// drop out first; `? help` and `q quit` always stay (except while typing, when q is text).
import React from 'react';
import { Text } from 'ink';
import type { View } from './view-state.ts';
import { PASTE_KEYS } from './PasteView.tsx';

const GLOBAL = ['s summary', 'f findings', 't threads', ': mdb', 'w what-if', 'p paste', 'o open', 'e save'];
const ALWAYS = ['? help', 'q quit'];

function local(v: View): { keys: string[]; global: boolean } {
  switch (v.kind) {
    case 'summary':
      return { keys: ['↑↓ cpu', 'Enter queue'], global: true };
    case 'findings':
      return { keys: ['↑↓ move', 'Enter evidence', '/ filter'], global: true };
    case 'finding':
      return { keys: ['n/N evidence', 'h/l side', 'm text', '1-9 thread', 'Esc back'], global: true };
    case 'cpu':
      return { keys: ['↑↓ move', 'Enter thread', 'Esc back'], global: true };
    case 'threads':
      return { keys: ['↑↓ move', 'Enter thread', '/ filter', 'Esc back'], global: true };
    case 'thread':
      return { keys: ['j/k scroll', '1-9 finding', 'Esc back'], global: true };
    case 'prompt':
      return { keys: ['Enter run', '↑↓ history', 'PgUp/PgDn scroll', 'Esc leave the prompt'], global: false };
    case 'whatif':
      return { keys: ['0-9 -/+ kpreemptpri', 'm boot/live', 'Enter simulate', 'Esc back'], global: true };
    case 'paste':
      return { keys: [PASTE_KEYS], global: false };
    case 'open':
      return { keys: ['Enter open', 'Esc back'], global: false };
    case 'save':
      return { keys: ['Enter save', 'Esc back'], global: false };
    case 'filter':
      return { keys: ['type to filter', 'Enter keep', 'Esc clear'], global: false };
    case 'help':
      return { keys: ['j/k scroll', 'Esc back'], global: true };
  }
}

export function footerText(v: View, width: number): string {
  const l = local(v);
  if (!l.global) return l.keys.join('  ');
  const sep = '  ';
  const head = l.keys.join(sep) + ' │ ';
  const tail = ALWAYS.join(sep);
  let mid = '';
  for (const g of GLOBAL) {
    const next = mid + g + sep;
    if ((head + next + tail).length > width) break;
    mid = next;
  }
  return head + mid + tail;
}

export function Footer(p: { view: View; width: number }): React.ReactElement {
  const t = footerText(p.view, p.width);
  return (
    <Text dimColor wrap="truncate">
      {t.length > p.width ? t.slice(0, p.width) : t}
    </Text>
  );
}
