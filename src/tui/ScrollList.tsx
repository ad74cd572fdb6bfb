// A virtualised list: renders only the rows in view, with a cue line (rows above and below, the
// cursor's position) when the list is longer than its space.
import React from 'react';
import { Box, Text } from 'ink';
import { windowStart } from './list-nav.ts';
import { padR } from './format.ts';

export interface ScrollListProps {
  count: number;
  cursor: number;
  height: number;
  width: number;
  /** One row as text (already neutralized and clipped to width). */
  row(i: number): string;
  /** Colour for a row, optional. */
  color?(i: number): string | undefined;
  /** Show the cursor row inverted; off for plain scrolling text. */
  highlight?: boolean;
  /** Rows to show inverted/marked besides the cursor (e.g. evidence lines). */
  marked?(i: number): boolean;
  empty?: string;
}

export function ScrollList(p: ScrollListProps): React.ReactElement {
  if (p.count === 0) return <Text dimColor>{p.empty ?? '(nothing to show)'}</Text>;
  // A list longer than its space gives its last line to a cue: how much is above and below.
  const cue = p.count > Math.max(1, p.height) && p.height >= 2;
  const h = Math.max(1, cue ? p.height - 1 : p.height);
  const start = windowStart(p.cursor, p.count, h);
  const end = Math.min(p.count, start + h);
  const rows: React.ReactElement[] = [];
  for (let i = start; i < end; i++) {
    const text = padR(p.row(i), p.width);
    const isCursor = p.highlight !== false && i === p.cursor;
    const marked = p.marked?.(i) ?? false;
    rows.push(
      <Text key={i} inverse={isCursor} color={marked && !isCursor ? 'yellow' : p.color?.(i)} bold={marked} wrap="truncate">
        {text}
      </Text>,
    );
  }
  if (cue) {
    const below = p.count - end;
    const text = `${start > 0 ? `↑ ${start} above  ` : ''}${below > 0 ? `↓ ${below} below  ` : ''}(row ${p.cursor + 1} of ${p.count})`;
    rows.push(
      <Text key="cue" dimColor wrap="truncate">
        {text.slice(0, p.width)}
      </Text>,
    );
  }
  return <Box flexDirection="column">{rows}</Box>;
}
