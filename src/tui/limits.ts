// Input bounds for the TUI: the same as `analyze`'s default --max-input.
export const TUI_MAX_INPUT = 256 * 1024 * 1024;
