// The illumos domain: kernel facts every layer of playfair shares, in the kernel's own words.
// Below grammar/ in the import order: it imports nothing of the project.
export * from './address.ts';
export * from './blocking.ts';
export * from './clock.ts';
export * from './cpu-flags.ts';
export * from './ctypes.ts';
export * from './priorities.ts';
export * from './symbol.ts';
export * from './thread-state.ts';
export * from './tunables.ts';
export * from './turnstile.ts';
