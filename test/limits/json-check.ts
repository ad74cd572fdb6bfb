// A streaming JSON syntax check, for outputs too large to hold as one string (a 1 GiB input's
// report is several GB): bytes go in chunk by chunk, memory stays constant, and the first
// error is reported with its byte offset. Checks syntax only; values are not kept.

type Expect = 'value' | 'key-or-end' | 'key' | 'colon' | 'comma-or-end' | 'value-or-end' | 'done';
type Token = 'none' | 'string' | 'escape' | 'unicode' | 'number' | 'literal';

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const LITERALS = new Set(['true', 'false', 'null']);

export class JsonCheck {
  private readonly stack: ('{' | '[')[] = [];
  private expect: Expect = 'value';
  private token: Token = 'none';
  private word = '';
  private hex = 0;
  private stringIsKey = false;
  private offset = 0;
  /** The first error, or null while the text is valid so far. */
  error: string | null = null;
  /** Values seen at the top two levels, for a sanity check of the shape. */
  topKeys: string[] = [];

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && this.error === null; i++, this.offset++) this.byte(chunk[i]!);
  }

  /** Ends the input; returns the first error, or null when the whole text was one JSON value. */
  end(): string | null {
    if (this.error === null && (this.token === 'number' || this.token === 'literal')) this.endWord();
    if (this.error === null && this.expect !== 'done') this.fail('unexpected end of input');
    return this.error;
  }

  private fail(why: string): void {
    this.error ??= `byte ${this.offset}: ${why}`;
  }

  private byte(b: number): void {
    switch (this.token) {
      case 'string':
        if (b === 0x22) {
          this.token = 'none';
          this.afterString();
        } else if (b === 0x5c) this.token = 'escape';
        else if (b < 0x20) this.fail('control character in a string');
        else if (this.stringIsKey && this.stack.length === 1 && this.word.length < 64) this.word += String.fromCharCode(b);
        return;
      case 'escape':
        if (b === 0x75) {
          this.token = 'unicode';
          this.hex = 0;
        } else if ('"\\/bfnrt'.includes(String.fromCharCode(b))) this.token = 'string';
        else this.fail('bad escape');
        return;
      case 'unicode': {
        const c = String.fromCharCode(b);
        if (!/[0-9a-fA-F]/.test(c)) return this.fail('bad \\u escape');
        if (++this.hex === 4) this.token = 'string';
        return;
      }
      case 'number':
      case 'literal':
        if ((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || b === 0x2b || b === 0x2d || b === 0x2e || b === 0x45) {
          this.word += String.fromCharCode(b);
          if (this.word.length > 400) this.fail('token too long');
          return;
        }
        this.endWord();
        if (this.error !== null) return;
        break;
      default:
        break;
    }
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) return;
    const c = String.fromCharCode(b);
    switch (this.expect) {
      case 'value':
      case 'value-or-end':
        if (c === ']' && this.expect === 'value-or-end') return this.close('[');
        return this.value(c);
      case 'key-or-end':
        if (c === '}') return this.close('{');
        return this.key(c);
      case 'key':
        return this.key(c);
      case 'colon':
        if (c !== ':') return this.fail('expected ":"');
        this.expect = 'value';
        return;
      case 'comma-or-end': {
        const top = this.stack[this.stack.length - 1];
        if (c === ',') this.expect = top === '{' ? 'key' : 'value';
        else if ((c === '}' && top === '{') || (c === ']' && top === '[')) this.close(top);
        else this.fail(`expected "," or the end of ${top ?? 'input'}`);
        return;
      }
      case 'done':
        return this.fail('text after the value');
    }
  }

  private key(c: string): void {
    if (c !== '"') return this.fail(`expected a key, got ${JSON.stringify(c)}`);
    this.token = 'string';
    this.stringIsKey = true;
    this.word = '';
  }

  private value(c: string): void {
    if (c === '{' || c === '[') {
      this.stack.push(c);
      this.expect = c === '{' ? 'key-or-end' : 'value-or-end';
    } else if (c === '"') {
      this.token = 'string';
      this.stringIsKey = false;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      this.token = 'number';
      this.word = c;
    } else if (c >= 'a' && c <= 'z') {
      this.token = 'literal';
      this.word = c;
    } else this.fail(`unexpected ${JSON.stringify(c)}`);
  }

  private afterString(): void {
    if (this.stringIsKey) {
      if (this.stack.length === 1) this.topKeys.push(this.word);
      this.stringIsKey = false;
      this.expect = 'colon';
    } else this.afterValue();
  }

  private endWord(): void {
    const w = this.word;
    const ok = this.token === 'number' ? NUMBER.test(w) : LITERALS.has(w);
    this.token = 'none';
    if (!ok) return this.fail(`bad token ${JSON.stringify(w.slice(0, 20))}`);
    this.afterValue();
  }

  private afterValue(): void {
    this.expect = this.stack.length === 0 ? 'done' : 'comma-or-end';
  }

  private close(open: '{' | '['): void {
    if (this.stack.pop() !== open) return this.fail('mismatched bracket');
    this.afterValue();
  }
}
