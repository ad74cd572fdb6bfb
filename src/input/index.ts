// Reading inputs: the one entry point for the CLI, the TUI and triage.
export { readInput, readInputLines, type InputResult, type InputLinesResult } from './read.ts';
export { InputTooLargeError } from './split-chunks.ts';
export { binaryReason, decodeText, SNIFF_BYTES } from './sniff.ts';
export { formatBytes, parseByteSize } from './size.ts';
export type { InputOptions, StdinSource } from './source.ts';
