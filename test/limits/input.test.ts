import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { InputTooLargeError, binaryReason, parseByteSize, readInput, readInputLines } from '../../src/input/index.ts';
import { readReport } from '../../src/triage/read.ts';

const MB = 1024 * 1024;
let dir: string;
const noStdin = { stdin: Readable.from([]) };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'playfair-input-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('readInput', () => {
  it('reads a text file and names it by its path', async () => {
    const p = file('ok.txt', '> ::cpuinfo\n ID ADDR\n');
    expect(await readInput(p, noStdin, { maxInput: MB })).toEqual({ ok: true, text: '> ::cpuinfo\n ID ADDR\n', name: p });
  });

  it('reads stdin for -', async () => {
    const r = await readInput('-', { stdin: Readable.from([Buffer.from('a\n'), Buffer.from('b\n')]) }, { maxInput: MB });
    expect(r).toEqual({ ok: true, text: 'a\nb\n', name: '-' });
  });

  it('refuses a directory', async () => {
    const d = join(dir, 'sub');
    mkdirSync(d);
    const r = await readInput(d, noStdin, { maxInput: MB });
    expect(r).toEqual({ ok: false, message: `${d}: is a directory, not a file` });
  });

  it('refuses a missing file', async () => {
    const r = await readInput(join(dir, 'nope.txt'), noStdin, { maxInput: MB });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/nope\.txt: no such file$/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file', async () => {
    const p = file('locked.txt', 'x\n');
    chmodSync(p, 0);
    const r = await readInput(p, noStdin, { maxInput: MB });
    expect(r).toEqual({ ok: false, message: `${p}: permission denied` });
  });

  it('refuses a file with NUL bytes in its first 8 KB', async () => {
    const p = file('core.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
    const r = await readInput(p, noStdin, { maxInput: MB });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe(`${p}: looks like a binary file (contains NUL bytes); expected mdb output as text`);
  });

  it('accepts a NUL after the first 8 KB (the sniff window)', async () => {
    const p = file('late-nul.txt', 'a'.repeat(9000) + '\0\n');
    const r = await readInput(p, noStdin, { maxInput: MB });
    expect(r.ok).toBe(true);
  });

  it('refuses mostly non-text bytes without NULs', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 2 === 0 ? 0x01 + (i % 7) : 0xff;
    const p = file('noise.bin', bytes);
    const r = await readInput(p, noStdin, { maxInput: MB });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('mostly non-text bytes');
  });

  it('accepts UTF-8 text, ANSI colour codes and a few stray bytes', async () => {
    const text = Buffer.concat([Buffer.from('caf\u00e9 \u2192 \x1b[1mbold\x1b[0m\r\n'.repeat(20)), Buffer.from([0xff, 0x0a])]);
    const r = await readInput(file('mixed.txt', text), noStdin, { maxInput: MB });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text.endsWith('\ufffd\n')).toBe(true);
  });

  it('drops a UTF-8 byte-order mark', async () => {
    const r = await readInput(file('bom.txt', Buffer.from('\ufeff> ::status\n')), noStdin, { maxInput: MB });
    expect(r).toMatchObject({ ok: true, text: '> ::status\n' });
  });

  it('refuses a file beyond --max-input before reading it', async () => {
    const p = file('big.txt', 'x'.repeat(2048));
    const r = await readInput(p, noStdin, { maxInput: 1024 });
    expect(r).toEqual({ ok: false, message: `${p}: input is 2 KiB, beyond --max-input 1 KiB` });
  });

  it('accepts a file of exactly --max-input bytes', async () => {
    const r = await readInput(file('exact.txt', 'y'.repeat(1024)), noStdin, { maxInput: 1024 });
    expect(r.ok).toBe(true);
  });

  it('stops reading stdin once it passes --max-input', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(1000, 0x61);
      }
    }
    const r = await readInput('-', { stdin: Readable.from(endless()) }, { maxInput: 10_000 });
    expect(r).toEqual({ ok: false, message: 'stdin: input is more than 10000 bytes, beyond --max-input 10000 bytes' });
    expect(pulled).toBeLessThan(20);
  });
});

describe('UTF-16 with a byte-order mark (Windows PowerShell `>`, Notepad "Unicode")', () => {
  const text = Array.from({ length: 3000 }, (_, i) => `  ffffff000c1${String(i).padStart(5, '0')} swtch+0x141() \u00e9`).join('\n') + '\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le.subarray(2)).swap16();
  const beBom = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
  /** Chunks of 7 bytes: every other one cuts a UTF-16 code unit in two. */
  const odd = (b: Buffer) => Array.from({ length: Math.ceil(b.length / 7) }, (_, i) => b.subarray(i * 7, i * 7 + 7));

  it('is read as its text, whole and streamed, from a file and from stdin in odd-sized chunks', async () => {
    expect(await readInput(file('le.txt', le), noStdin, { maxInput: MB })).toMatchObject({ ok: true, text });
    expect(await readInput(file('be.txt', beBom), noStdin, { maxInput: MB })).toMatchObject({ ok: true, text });
    expect(await readInput('-', { stdin: Readable.from(odd(le)) }, { maxInput: MB })).toMatchObject({ ok: true, text });
    const lines = text.split('\n').slice(0, -1);
    for (const source of [{ path: file('le2.txt', le), io: noStdin }, { path: '-', io: { stdin: Readable.from(odd(beBom)) } }]) {
      const r = await readInputLines(source.path, source.io, { maxInput: MB });
      if (!r.ok) throw new Error(r.message);
      const out: string[] = [];
      for await (const batch of r.batches) out.push(...batch);
      expect(out).toEqual(lines);
    }
  });

  it('is judged by its characters: binary in UTF-16 is still binary', () => {
    expect(binaryReason(le.subarray(0, 8192))).toBeNull();
    expect(binaryReason(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(64)]))).toBe('looks like a binary file (contains NUL bytes)');
  });

  it('without the mark it is refused, with the conversion that reads it', () => {
    expect(binaryReason(le.subarray(2, 8194))).toBe('looks like UTF-16 text without a byte-order mark (convert it: iconv -f UTF-16LE -t UTF-8)');
    expect(binaryReason(be.subarray(0, 8192))).toBe('looks like UTF-16 text without a byte-order mark (convert it: iconv -f UTF-16BE -t UTF-8)');
  });

  it('triage reads it too', () => {
    expect(readReport(file('le3.txt', le), MB)).toEqual({ ok: true, text });
  });
});

describe('binaryReason', () => {
  it('treats empty input as text', () => {
    expect(binaryReason(new Uint8Array(0))).toBeNull();
  });
  it('does not count a multi-byte character cut by the sniff window', () => {
    const b = Buffer.from('a'.repeat(8191) + '\u00e9');
    expect(binaryReason(b.subarray(0, 8192))).toBeNull();
  });
});

describe('parseByteSize', () => {
  it.each([
    ['1024', 1024],
    ['64k', 64 * 1024],
    ['512M', 512 * MB],
    ['2G', 2 * 1024 * MB],
    ['10MB', 10 * MB],
  ])('%s', (s, n) => expect(parseByteSize(s)).toBe(n));
  it.each(['', '0', '-5', '1.5M', 'M', 'lots', '12x'])('rejects %j', (s) => expect(parseByteSize(s)).toBeNull());
});

describe('readInputLines', () => {
  const collect = async (it: AsyncIterable<string[]>) => {
    const out: string[] = [];
    for await (const batch of it) out.push(...batch);
    return out;
  };

  it('yields lines without LF, across chunk boundaries and multi-byte characters', async () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i} \u00e9\u2192`).join('\n') + '\n';
    const r = await readInputLines(file('lines.txt', text), noStdin, { maxInput: MB });
    expect(r.ok).toBe(true);
    if (r.ok) expect(await collect(r.batches)).toEqual(text.split('\n').slice(0, -1));
  });

  it('keeps a last line without LF and CRs inside lines', async () => {
    const r = await readInputLines('-', { stdin: Readable.from([Buffer.from('a\r\nb'), Buffer.from('\rc')]) }, { maxInput: MB });
    if (!r.ok) throw new Error(r.message);
    expect(await collect(r.batches)).toEqual(['a\r', 'b\rc']);
  });

  it('splits a multi-byte character cut between chunks correctly', async () => {
    const bytes = Buffer.from('x\u00e9y\n');
    const r = await readInputLines('-', { stdin: Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]) }, { maxInput: MB });
    if (!r.ok) throw new Error(r.message);
    expect(await collect(r.batches)).toEqual(['x\u00e9y']);
  });

  it('marks a batch plain only when its bytes, and those of a line it finishes, are ASCII without ESC', async () => {
    // The first chunk fills the sniffed head (8 KiB), so each chunk after it is a batch of its own.
    const long = 'a'.repeat(9000);
    const chunks = [long + '\ncd', 'ef\ngh\n', 'x\x1b[0m', 'y\nz\n', '\u00a0\n', 'w'];
    const r = await readInputLines('-', { stdin: Readable.from(chunks.map((c) => Buffer.from(c))) }, { maxInput: MB });
    if (!r.ok) throw new Error(r.message);
    const got: [string[], boolean][] = [];
    for await (const b of r.batches) got.push([[...b], b.plain === true]);
    // The ESC chunk holds no LF: its line ends in the next chunk, whose batch is then not plain.
    // A chunk with no LF gives an empty batch; the last line, ended by the input's end, one of its own.
    expect(got).toEqual([
      [[long], true],
      [['cdef', 'gh'], true],
      [[], false],
      [['x\x1b[0my', 'z'], false],
      [['\u00a0'], false],
      [[], false],
      [['w'], true],
    ]);
  });

  it('gives the same errors as readInput up front', async () => {
    const d = join(dir, 'sub2');
    mkdirSync(d);
    expect(await readInputLines(d, noStdin, { maxInput: MB })).toEqual({ ok: false, message: `${d}: is a directory, not a file` });
    const bin = file('b.bin', Buffer.from([1, 0, 2]));
    expect(await readInputLines(bin, noStdin, { maxInput: MB })).toMatchObject({ ok: false, message: expect.stringContaining('NUL bytes') });
    const big = file('big2.txt', 'x'.repeat(4096));
    expect(await readInputLines(big, noStdin, { maxInput: 1024 })).toEqual({ ok: false, message: `${big}: input is 4 KiB, beyond --max-input 1 KiB` });
    expect((await readInputLines(join(dir, 'none'), noStdin, { maxInput: MB })).ok).toBe(false);
  });

  it('throws InputTooLargeError when a stream passes --max-input mid-way', async () => {
    async function* endless() {
      for (;;) yield Buffer.from('abc\n'.repeat(1000));
    }
    const r = await readInputLines('-', { stdin: Readable.from(endless()) }, { maxInput: 100_000 });
    if (!r.ok) throw new Error(r.message);
    await expect(collect(r.batches)).rejects.toThrow(InputTooLargeError);
  });
});

describe('messages', () => {
  it('neutralize control characters in a path', async () => {
    const r = await readInput(join(dir, 'evil\x1b[2J.txt'), noStdin, { maxInput: MB });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('evil\\x1b[2J.txt: no such file') });
  });
});
