// Input reading now lives in src/input/ (so tui and triage need not import the CLI). This
// re-export keeps not-yet-switched importers (bench/, other branches) compiling; new code imports
// src/input/index.ts.
export {
  InputTooLargeError,
  SNIFF_BYTES,
  binaryReason,
  decodeText,
  formatBytes,
  parseByteSize,
  readInput,
  readInputLines,
  type InputLinesResult,
  type InputOptions,
  type InputResult,
} from '../input/index.ts';
