// Save the report of the loaded dump as Markdown (e): a path, then the file is written by the
// services (never over an existing file); the outcome shows in the header.
import React from 'react';
import { Box, Text } from 'ink';
import { clip } from './format.ts';
import { TextInput } from './TextInput.tsx';

export interface SaveProps {
  /** The path offered first (editable). */
  suggested: string;
  onSubmit(path: string): void;
  onCancel(): void;
  /** What the last save said (written, or why not). */
  message: string | null;
  available: boolean;
  width: number;
  height: number;
  active: boolean;
}

/** `playfair-<input file name>.md`, in the current directory. */
export function suggestedPath(source: string): string {
  const base = source.slice(source.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '') || 'report';
  // Only plain name characters: the source name is untrusted text.
  const safe = Array.from(base, (c) => (/[A-Za-z0-9._-]/.test(c) ? c : '_')).join('').slice(0, 64);
  return `playfair-${safe}.md`;
}

export function SaveView(p: SaveProps): React.ReactElement {
  return (
    <Box flexDirection="column" height={p.height}>
      <Text bold wrap="truncate">{clip('Save the report of the loaded dump as Markdown', p.width)}</Text>
      <Text> </Text>
      {p.available ? (
        <TextInput prompt="file: " initial={p.suggested} active={p.active} width={p.width} onSubmit={(v) => v.trim() && p.onSubmit(v.trim())} onCancel={p.onCancel} />
      ) : (
        <Text color="red">{clip('saving is not available here', p.width)}</Text>
      )}
      <Text> </Text>
      <Text dimColor wrap="truncate">{clip(p.message ?? 'Enter saves (an existing file is never overwritten), Esc goes back', p.width)}</Text>
    </Box>
  );
}
