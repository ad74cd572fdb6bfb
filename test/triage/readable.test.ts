// Triage a person can read: one group per failure whatever stacks were pasted, honest groups for
// healthy, empty, unread and missing reports, the terminal table, --fail-on and progress in bytes.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTriage, triageExitCode } from '../../src/cli/triage.ts';
import type { TriageSummary } from '../../src/triage/output.ts';
import { shortBytes } from '../../src/triage/progress.ts';
import { errorRecord, type TriageRecord } from '../../src/triage/record.ts';

const DIR = fileURLToPath(new URL('../../fixtures/handwritten/triage', import.meta.url));
const MISSING = `${DIR}/no-such-ticket`;

async function run(args: string[], tty = { out: false, err: false }) {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (s: string) => (out += s), isTTY: tty.out },
    stderr: { write: (s: string) => (err += s), isTTY: tty.err },
    stdin: Readable.from([]),
  };
  const code = await runTriage(args, io);
  return { code, out, err };
}

function parse(out: string): { records: TriageRecord[]; summary: TriageSummary } {
  const objs = out.trim().split('\n').map((l) => JSON.parse(l) as TriageRecord | TriageSummary);
  return { summary: objs.pop() as TriageSummary, records: objs as TriageRecord[] };
}

/** cpu1 runs qemu at PRI 0 (a user band culprit); the four rules at >= medium; known issue 1532. */
const KEY_1532 = 'v4|kpreempt-threshold,preemption-pending,runq-starvation,ts-timeleft-overrun|user|illumos-1532';

describe('triage a person can read', () => {
  it('groups: the same #1532 with and without stacks is one group; empty, prose, binary, missing and healthy are labelled for what they are', async () => {
    const { code, out } = await run([DIR, MISSING]);
    expect(code).toBe(0);
    const { records, summary } = parse(out);
    // Found by content: ticket-1532 and dump.log.1 have no report extension.
    expect(records.map((r) => r.file.slice(DIR.length + 1))).toEqual(['1532-no-stacks.txt', '1532-sys-stacks.txt', 'core.bin.txt', 'dump.log.1', 'empty.txt', 'healthy.out', 'prose.log', 'ticket-1532', 'no-such-ticket']);
    expect(summary.groups.map((g) => [g.label, g.count, g.worst])).toEqual([
      ['runq-starvation + 3 more, culprit user', 4, 'critical'],
      ['nothing to judge', 2, null],
      ['unreadable', 2, null],
      ['healthy', 1, null],
    ]);
    const fail = summary.groups[0]!;
    expect(fail.key).toBe(KEY_1532);
    expect(fail.files.map((f) => f.slice(DIR.length + 1))).toEqual(['1532-no-stacks.txt', '1532-sys-stacks.txt', 'dump.log.1', 'ticket-1532']);
    expect(fail.known).toEqual(['illumos-1532']);
    const bin = records.find((r) => r.file.endsWith('core.bin.txt'))!;
    expect(bin.signature.kind).toBe('unreadable');
    expect(bin.error).toContain('binary');
    const missing = records.find((r) => r.file === MISSING)!;
    expect(missing.signature.kind).toBe('unreadable');
    expect(missing.error).toMatch(/no such file/i);
  });

  it('the stacks pasted change the frames shown, not the key', async () => {
    const { records } = parse((await run([`${DIR}/1532-no-stacks.txt`, `${DIR}/ticket-1532`])).out);
    expect(records[0]!.signature.frames).toEqual([]);
    expect(records[1]!.signature.frames).toEqual(['mac_soft_ring_worker', 'squeue_worker']);
    expect(records.map((r) => r.signature.key)).toEqual([KEY_1532, KEY_1532]);
  });

  it('a table on a terminal: worst severity first, then count; NDJSON when piped', async () => {
    const t = await run([DIR], { out: true, err: false });
    const lines = t.out.split('\n');
    expect(lines[0]).toMatch(/^group +count +worst +known issue +representative report$/);
    expect(lines[2]).toMatch(/^runq-starvation \+ 3 more, culprit user +4 +critical +illumos-1532 +\S+1532-no-stacks\.txt$/);
    expect(lines[3]).toMatch(/^nothing to judge +2 +- +- +\S+empty\.txt$/);
    // Equal severity (none) and count: by key, so healthy before unreadable.
    expect(lines[4]).toMatch(/^healthy +1 +- +- +\S+healthy\.out$/);
    expect(lines[5]).toMatch(/^unreadable +1 +- +- +\S+core\.bin\.txt$/);
    expect(t.out).toContain('8 reports in 4 groups; 1 not read.');
    const piped = await run([DIR]);
    expect(JSON.parse(piped.out.split('\n')[0]!).type).toBe('report');
    // --format wins over the terminal.
    expect((await run([DIR, '--format', 'ndjson'], { out: true, err: false })).out.startsWith('{"type":"report"')).toBe(true);
    expect((await run([DIR, '--format', 'table'])).out.startsWith('group ')).toBe(true);
  });

  it('--fail-on: exit 1 when a finding is at or above it, else 0', async () => {
    expect((await run([DIR, '--fail-on', 'critical'])).code).toBe(1);
    expect((await run([DIR, '--fail-on', 'high'])).code).toBe(1);
    expect((await run([`${DIR}/healthy.out`, `${DIR}/empty.txt`, '--fail-on', 'low'])).code).toBe(0);
    expect((await run([DIR])).code).toBe(0);
  });

  it('an internal error outranks --fail-on: exit 4', () => {
    const internal = errorRecord('x.txt', 'internal error: boom', { message: 'boom', stack: 'boom' });
    expect(internal.signature.kind).toBe('internal');
    expect(triageExitCode([internal], null)).toBe(4);
    expect(triageExitCode([errorRecord('y.txt', 'binary')], 'info')).toBe(0);
  });

  it('progress on a terminal shows bytes done of the total', async () => {
    const f = `${DIR}/ticket-1532`;
    const size = statSync(f).size;
    const r = await run([f], { out: false, err: true });
    // The current file is cut from the left to 40 characters: its end names it.
    expect(r.err).toContain(`${shortBytes(0)}/${shortBytes(size)} 0/1 reports …${f.slice(-39)}`);
    expect(r.err).toContain(`${shortBytes(size)}/${shortBytes(size)} 1/1 reports`);
  });

  it('a file of invalid UTF-8 with no NUL, under any name, is an unreadable record', async () => {
    const d = mkdtempSync(join(tmpdir(), 'playfair-readable-'));
    try {
      writeFileSync(join(d, 'dump.1'), Buffer.alloc(4096, 0xff));
      const { records } = parse((await run([d])).out);
      expect(records).toHaveLength(1);
      expect(records[0]!.signature.kind).toBe('unreadable');
      expect(records[0]!.error).toContain('binary');
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('shortBytes', () => {
    expect(shortBytes(512)).toBe('512 B');
    expect(shortBytes(2508)).toBe('2.4 KiB');
    expect(shortBytes(3 * 1024 * 1024 + 512 * 1024)).toBe('3.5 MiB');
  });
});
