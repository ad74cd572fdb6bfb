// The paste area: takes a multi-line paste of thousands of lines (bracketed paste where the
// terminal offers it), shows its tail neutralized, and hands the text over on Ctrl-D.
import React, { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useRawInput } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { clip } from './format.ts';
import { PasteBuffer } from './paste-buffer.ts';

export interface PasteProps {
  onSubmit(text: string): void;
  onCancel(): void;
  width: number;
  height: number;
  active: boolean;
}

export const PASTE_KEYS = 'Ctrl-D analyse   Esc cancel   Ctrl-U clear';

export function PasteView(p: PasteProps): React.ReactElement {
  const buf = useRef(new PasteBuffer());
  const [, setTick] = useState(0);
  // Read raw (App forwards the events): useInput's key parsing would drop tabs and other bytes.
  useRawInput((ev) => {
    const action = buf.current.feed(ev);
    if (action === 'submit') p.onSubmit(buf.current.text);
    else if (action === 'cancel') p.onCancel();
    else setTick((t) => t + 1);
  });

  const b = buf.current;
  const areaH = Math.max(1, p.height - 2);
  const tail = b.text ? b.tail(areaH) : [];
  return (
    <Box flexDirection="column" height={p.height}>
      <Text bold wrap="truncate">{clip(`Paste an mdb session or bug report. ${PASTE_KEYS}`, p.width)}</Text>
      <Text dimColor wrap="truncate">
        {clip(`${b.lineCount + (b.text && !b.text.endsWith('\n') ? 1 : 0)} lines, ${b.text.length} chars${b.inBracket ? '  (pasting…)' : ''}`, p.width)}
      </Text>
      <Box flexDirection="column" height={areaH} borderStyle={undefined}>
        {tail.length === 0 ? (
          <Text dimColor>(empty: paste now)</Text>
        ) : (
          tail.map((l, i) => (
            <Text key={i} wrap="truncate">{clip(neutralize(l), p.width) || ' '}</Text>
          ))
        )}
      </Box>
    </Box>
  );
}
