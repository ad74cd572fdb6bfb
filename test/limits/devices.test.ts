// Endless and binary inputs are refused from their first bytes on every path (file whole, file
// streamed, stdin whole, stdin streamed, the CLI), even with a limit far beyond what they would
// be read to; and the line splitter stays linear on one enormous line.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { readInput, readInputLines } from '../../src/input/index.ts';
import { run } from '../cli/run.ts';

const TB = 1024 ** 4;
const noStdin = { stdin: Readable.from([]) };

/** An endless stream of `fill` chunks that counts how many were pulled. */
function endless(fill: (b: Buffer) => void) {
  const counter = { pulled: 0 };
  async function* gen() {
    for (;;) {
      counter.pulled++;
      const b = Buffer.alloc(65536);
      fill(b);
      yield b;
    }
  }
  return { stream: Readable.from(gen()), counter };
}

const zeros = (b: Buffer) => b.fill(0);
const noise = (b: Buffer) => {
  // Deterministic bytes spread over 0-255, like /dev/urandom but repeatable.
  let x = 12345;
  for (let i = 0; i < b.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
};

describe.skipIf(!existsSync('/dev/zero') || !existsSync('/dev/urandom'))('devices named as the input', () => {
  it.each(['/dev/zero', '/dev/urandom'])('%s is refused at once, whole and streamed, with a 1 TiB limit', async (dev) => {
    const t0 = performance.now();
    const whole = await readInput(dev, noStdin, { maxInput: TB });
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.message).toMatch(new RegExp(`^${dev}: looks like a binary file`));
    const lines = await readInputLines(dev, noStdin, { maxInput: TB });
    expect(lines.ok).toBe(false);
    // Reading to the limit would take hours; the sniff reads one chunk.
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('the CLI says so and exits 2, streamed or not', async () => {
    for (const extra of [[], ['--stream']]) {
      const r = await run(['analyze', '/dev/zero', '--max-input', '1T', ...extra]);
      expect(r.code).toBe(2);
      expect(r.err).toBe('playfair analyze: /dev/zero: looks like a binary file (contains NUL bytes); expected mdb output as text\n');
    }
  });
});

describe('endless binary stdin', () => {
  it.each([
    ['zeros', zeros, 'contains NUL bytes'],
    ['noise', noise, 'looks like a binary file'],
  ] as const)('%s: refused after the first chunk, whole and streamed', async (_name, fill, why) => {
    const a = endless(fill);
    const whole = await readInput('-', { stdin: a.stream }, { maxInput: TB });
    expect(whole).toMatchObject({ ok: false, message: expect.stringContaining(why) });
    expect(a.counter.pulled).toBeLessThanOrEqual(2);
    const b = endless(fill);
    const lines = await readInputLines('-', { stdin: b.stream }, { maxInput: TB });
    expect(lines).toMatchObject({ ok: false, message: expect.stringContaining(why) });
    expect(b.counter.pulled).toBeLessThanOrEqual(2);
  });
});

describe('one enormous line, streamed in 64 KiB chunks', () => {
  async function timeLine(bytes: number): Promise<number> {
    const chunk = Buffer.alloc(65536, 0x61);
    const chunks = Math.ceil(bytes / chunk.length);
    async function* gen() {
      for (let i = 0; i < chunks; i++) yield chunk;
      yield Buffer.from('\nend\n');
    }
    const t0 = performance.now();
    const r = await readInputLines('-', { stdin: Readable.from(gen()) }, { maxInput: TB });
    if (!r.ok) throw new Error(r.message);
    const lengths: number[] = [];
    for await (const batch of r.batches) for (const l of batch) lengths.push(l.length);
    expect(lengths).toEqual([chunks * 65536, 3]);
    return performance.now() - t0;
  }

  it('costs time linear in its length (8 MB vs 64 MB)', async () => {
    await timeLine(1 << 20); // warm up
    const small = Math.min(await timeLine(8 << 20), await timeLine(8 << 20));
    const large = await timeLine(64 << 20);
    // Linear: about 8x. Joining all pending bytes at every chunk (the old way) is about 64x.
    expect(large / Math.max(small, 5)).toBeLessThan(25);
  }, 120_000);
});
