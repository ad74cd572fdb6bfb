// Open a file by path (o): the path is read and analysed off the render path.
import React from 'react';
import { Box, Text } from 'ink';
import { clip } from './format.ts';
import { TextInput } from './TextInput.tsx';

export interface OpenProps {
  onSubmit(path: string): void;
  onCancel(): void;
  error: string | null;
  width: number;
  height: number;
  active: boolean;
}

export function OpenView(p: OpenProps): React.ReactElement {
  return (
    <Box flexDirection="column" height={p.height}>
      <Text bold>{clip('Open a dump file (mdb output, bug report text)', p.width)}</Text>
      <Text> </Text>
      <TextInput prompt="path: " active={p.active} width={p.width} onSubmit={(v) => v.trim() && p.onSubmit(v.trim())} onCancel={p.onCancel} />
      <Text> </Text>
      {p.error ? <Text color="red" wrap="truncate">{clip(p.error, p.width)}</Text> : <Text dimColor>{clip('Enter opens, Esc goes back', p.width)}</Text>}
    </Box>
  );
}
