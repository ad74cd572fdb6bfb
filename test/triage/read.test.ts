// Reading one report: the whole file, whatever its size against the read chunk (1 MiB) and its
// stat size; --max-input to the byte; binary refused. Sizes chosen by hand around the bounds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReport } from '../../src/triage/read.ts';
import { autoJobs } from '../../src/cli/triage.ts';

const dir = mkdtempSync(join(tmpdir(), 'playfair-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('readReport', () => {
  it('reads a small report, an empty one, and one over two read chunks, each whole', () => {
    expect(readReport(file('small.txt', '> ::cpuinfo\nline\n'), 1 << 20)).toEqual({ ok: true, text: '> ::cpuinfo\nline\n' });
    expect(readReport(file('empty.txt', ''), 1 << 20)).toEqual({ ok: true, text: '' });
    // 2.5 MiB of one repeated line: more than two 1 MiB chunks.
    const big = 'x'.repeat(63) + '\n';
    const text = big.repeat((5 << 19) / 64);
    const r = readReport(file('big.txt', text), 8 << 20);
    expect(r.ok && r.text.length).toBe(5 << 19);
    expect(r.ok && r.text === text).toBe(true);
  });

  it('a report of exactly --max-input bytes is read; one byte more is refused', () => {
    expect(readReport(file('at.txt', 'a'.repeat(1000)), 1000)).toMatchObject({ ok: true });
    expect(readReport(file('over.txt', 'a'.repeat(1001)), 1000)).toEqual({ ok: false, message: '1001 bytes, beyond --max-input 1000 bytes' });
  });

  it('refuses a binary file and a directory, and says why', () => {
    const bin = join(dir, 'core');
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 1, 2, 3]));
    const r = readReport(bin, 1 << 20);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/expected mdb output as text$/);
    expect(readReport(dir, 1 << 20)).toEqual({ ok: false, message: 'is a directory, not a file' });
  });
});

describe('--jobs auto', () => {
  it('is two thirds of the cores rounded up, at least one and at most 64 (one worker keeps about 1.25 cores busy)', () => {
    expect([1, 2, 3, 4, 8, 16, 200].map(autoJobs)).toEqual([1, 2, 2, 3, 6, 11, 64]);
  });
});
