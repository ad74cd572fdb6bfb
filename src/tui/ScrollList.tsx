// A virtualised list: renders only the rows in view, with a scroll position marker.
import React from 'react';
import { Box, Text } from 'ink';
import { windowStart } from './list-nav.ts';

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
  const h = Math.max(1, p.height);
  if (p.count === 0) return <Text dimColor>{p.empty ?? '(nothing to show)'}</Text>;
  const start = windowStart(p.cursor, p.count, h);
  const end = Math.min(p.count, start + h);
  const rows: React.ReactElement[] = [];
  for (let i = start; i < end; i++) {
    const text = p.row(i).slice(0, p.width).padEnd(p.width);
    const isCursor = p.highlight !== false && i === p.cursor;
    const marked = p.marked?.(i) ?? false;
    rows.push(
      <Text key={i} inverse={isCursor} color={marked && !isCursor ? 'yellow' : p.color?.(i)} bold={marked} wrap="truncate">
        {text}
      </Text>,
    );
  }
  return <Box flexDirection="column">{rows}</Box>;
}
