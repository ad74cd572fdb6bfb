// What bin/playfair.js needs from the CLI, in one module: the entry point of the bundle the build
// makes (bin/build.js), so that start-up loads a few dozen files instead of some 300 modules.
export { main, internalErrorLine } from './main.ts';
export { processIO } from './io.ts';
export { guardStandardStreams } from './sink.ts';
export { internalError } from '../../grammar/common/source.ts';
export { EXIT_INTERNAL } from '../rules/policy.ts';
