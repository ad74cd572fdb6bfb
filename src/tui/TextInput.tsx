// A one-line text field: printable keys append, Backspace deletes, Ctrl-U clears, Enter submits,
// Esc cancels, Up/Down walk the history when one is given.
import React, { useState } from 'react';
import { Text } from 'ink';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { clipLeft, width } from './format.ts';

export interface TextInputProps {
  prompt: string;
  active: boolean;
  width: number;
  onSubmit(value: string): void;
  onCancel(): void;
  history?: readonly string[];
  initial?: string;
  /** Called with the value after every edit (a live filter). */
  onChange?(value: string): void;
}

export function TextInput(p: TextInputProps): React.ReactElement {
  const [value, setValueState] = useState(p.initial ?? '');
  const setValue = (v: string): void => {
    setValueState(v);
    if (v !== value) p.onChange?.(v);
  };
  const [hist, setHist] = useState(-1); // index from the end of history; -1 = editing a new line
  useKeys(
    (input, key) => {
      const h = p.history ?? [];
      if (key.return) {
        p.onSubmit(value);
        setValueState('');
        setHist(-1);
      } else if (key.escape) p.onCancel();
      else if (key.backspace || key.delete) setValue(value.slice(0, -1));
      else if (key.ctrl && input === 'u') setValue('');
      else if (key.upArrow && h.length) {
        const n = Math.min(h.length - 1, hist + 1);
        setHist(n);
        setValue(h[h.length - 1 - n]!);
      } else if (key.downArrow && h.length) {
        const n = hist - 1;
        setHist(Math.max(-1, n));
        setValue(n < 0 ? '' : h[h.length - 1 - n]!);
      } else if (!key.ctrl && !key.meta && input && !key.tab) {
        // Keys arrive one at a time (use-key-pump.ts); Enter in a paste arrives as key.return.
        setValue(value + input);
      }
    },
    p.active,
  );
  const shown = neutralize(value);
  const room = Math.max(1, p.width - width(p.prompt) - 1);
  return (
    <Text wrap="truncate">
      <Text bold>{p.prompt}</Text>
      {clipLeft(shown, room)}
      <Text inverse> </Text>
    </Text>
  );
}
