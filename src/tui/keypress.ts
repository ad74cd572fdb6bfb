// Decoding one key (as input-events.ts cuts them) into input text and key flags. Ink's own
// useInput throws on some sequences a paste can carry (ESC[0m, ESC[31m: it takes them for Ctrl
// chords with no name), so the TUI decodes keys itself and treats anything it does not know as no key.

export interface Key {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  backspace: boolean;
  delete: boolean;
  tab: boolean;
  ctrl: boolean;
  meta: boolean;
}

const NONE: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false,
  home: false, end: false, return: false, escape: false, backspace: false, delete: false, tab: false,
  ctrl: false, meta: false,
};

const SEQ: Record<string, keyof Key> = {
  '[A': 'upArrow', '[B': 'downArrow', '[C': 'rightArrow', '[D': 'leftArrow',
  OA: 'upArrow', OB: 'downArrow', OC: 'rightArrow', OD: 'leftArrow',
  '[5~': 'pageUp', '[6~': 'pageDown', '[[5~': 'pageUp', '[[6~': 'pageDown',
  '[H': 'home', '[F': 'end', OH: 'home', OF: 'end', '[1~': 'home', '[4~': 'end', '[7~': 'home', '[8~': 'end',
  '[3~': 'delete',
};

/** `input` is the text for printable keys (or a control letter with ctrl set), else ''. */
export function decodeKey(ev: string): { input: string; key: Key } {
  const key = { ...NONE };
  if (ev === '\r' || ev === '\n') return { input: '', key: { ...key, return: true } };
  if (ev === '\x1b' || ev === '\x1b\x1b') return { input: '', key: { ...key, escape: true } };
  if (ev === '\x7f' || ev === '\b') return { input: '', key: { ...key, backspace: true } };
  if (ev === '\t') return { input: '', key: { ...key, tab: true } };
  if (ev.startsWith('\x1b')) {
    const name = SEQ[ev.slice(1)];
    if (name) return { input: '', key: { ...key, [name]: true } };
    // Alt+letter arrives as ESC letter.
    if (ev.length === 2 && ev.charCodeAt(1) >= 0x20) return { input: ev.slice(1), key: { ...key, meta: true } };
    return { input: '', key }; // an unknown sequence is no key
  }
  if (ev.length === 1) {
    const c = ev.charCodeAt(0);
    if (c >= 1 && c <= 26) return { input: String.fromCharCode(c + 96), key: { ...key, ctrl: true } };
    if (c < 32) return { input: '', key };
  }
  return { input: ev, key };
}
