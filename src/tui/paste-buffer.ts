// The paste area's input handling, apart from React so it can be tested byte by byte.
// Bracketed paste (ESC[200~ ... ESC[201~) is taken literally; outside it, a few keys act.

import { PASTE_END, PASTE_START } from './input-events.ts';

export { PASTE_END, PASTE_START };

export type PasteAction = 'none' | 'submit' | 'cancel';

export class PasteBuffer {
  text = '';
  inBracket = false;
  lineCount = 0;
  private pendingCr = false;

  /** Feed one input event (as Ink's input parser splits them); returns what the key asks for. */
  feed(ev: string): PasteAction {
    if (ev === PASTE_START) {
      this.inBracket = true;
      return 'none';
    }
    if (ev === PASTE_END) {
      this.inBracket = false;
      return 'none';
    }
    if (this.inBracket) {
      this.append(ev);
      return 'none';
    }
    if (ev === '\x1b') return 'cancel'; // Esc
    if (ev.startsWith('\x1b')) return 'none'; // arrows and other keys: not text
    // Typed keys (or a paste without brackets): control keys act, the rest is text.
    let from = 0;
    for (let i = 0; i < ev.length; i++) {
      const c = ev.charCodeAt(i);
      if (c !== 4 && c !== 0x7f && c !== 8 && c !== 0x15) continue;
      this.append(ev.slice(from, i));
      from = i + 1;
      if (c === 4) return 'submit'; // Ctrl-D
      if (c === 0x15) {
        this.text = '';
        this.lineCount = 0;
      } else {
        if (this.text.endsWith('\n')) this.lineCount--;
        this.text = this.text.slice(0, -1);
      }
    }
    this.append(ev.slice(from));
    return 'none';
  }

  private append(s: string): void {
    if (!s) return;
    // Terminals send CR for Enter and often inside pastes; the analyser wants LF.
    let t = s;
    if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
    // A CRLF split across two events leaves a CR-turned-LF followed by an LF: fold it.
    if (s.startsWith('\n') && this.pendingCr) t = t.slice(1);
    this.pendingCr = s.endsWith('\r');
    this.text += t;
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) this.lineCount++;
  }

  /** The last `n` lines (the one being typed last), for display. */
  tail(n: number): string[] {
    let end = this.text.length;
    const out: string[] = [];
    while (out.length < n) {
      const nl = this.text.lastIndexOf('\n', end - 1);
      out.unshift(this.text.slice(nl + 1, end));
      if (nl < 0) break;
      end = nl;
    }
    return out;
  }
}
