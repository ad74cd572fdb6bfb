// The paste area's input handling, apart from React so it can be tested byte by byte.
// Bracketed paste (ESC[200~ ... ESC[201~) is taken literally; outside it, a few keys act.

import { PASTE_END, PASTE_START } from './input-events.ts';

export { PASTE_END, PASTE_START };

export type PasteAction = 'none' | 'submit' | 'cancel';

export class PasteBuffer {
  text = '';
  inBracket = false;
  lineCount = 0;
  /** Line ends given for the run of CRs that the input so far ends with: an LF next takes them back. */
  private crLines = 0;
  /** The input so far ends with an LF: one CR next is part of it. */
  private lfEnd = false;

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
      this.crLines = 0;
      this.lfEnd = false;
    }
    this.append(ev.slice(from));
    return 'none';
  }

  /**
   * Adds text with its line ends made LF, cut as a file is (src/ingest/lines.ts): a CR ends a line
   * (terminals send one for Enter and often inside pastes), except that a run of CRs before an LF
   * and one CR right after an LF are that LF's (CR LF, CR CR LF, LF CR), across events too. A CR
   * gives its line end at once, so Enter shows a new line; an LF after it takes that back.
   */
  private append(s: string): void {
    if (!s) return;
    if (this.crLines === 0 && !s.includes('\r')) {
      this.text += s;
      for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) this.lineCount++;
      this.lfEnd = s.endsWith('\n');
      return;
    }
    // Pieces, with each line end its own '\n', so a run's line ends can be taken back by popping.
    const parts: string[] = [];
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== 10 && c !== 13) {
        this.crLines = 0;
        this.lfEnd = false;
        continue;
      }
      if (i > from) parts.push(s.slice(from, i));
      from = i + 1;
      if (c === 13) {
        if (this.lfEnd) this.lfEnd = false;
        else {
          parts.push('\n');
          this.crLines++;
          this.lineCount++;
        }
        continue;
      }
      if (this.crLines === 0) {
        parts.push('\n');
        this.lineCount++;
      } else this.takeBack(parts, this.crLines - 1);
      this.crLines = 0;
      this.lfEnd = true;
    }
    if (from < s.length) parts.push(s.slice(from));
    this.text += parts.join('');
  }

  /** Removes the last `n` line ends given for CRs: from this event's pieces, else from the text. */
  private takeBack(parts: string[], n: number): void {
    let left = n;
    while (left > 0 && parts.length > 0) {
      parts.pop();
      left--;
    }
    if (left > 0) this.text = this.text.slice(0, -left);
    this.lineCount -= n;
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
