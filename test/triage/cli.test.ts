// `playfair triage` end to end, in-process, over the real samples, the seed and odd inputs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runTriage } from '../../src/cli/triage.ts';
import type { TriageSummary } from '../../src/triage/output.ts';
import type { TriageRecord } from '../../src/triage/record.ts';

const REAL = fileURLToPath(new URL('../../fixtures/real', import.meta.url));
const SEED = fileURLToPath(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url));
const HAND = fileURLToPath(new URL('../../fixtures/handwritten/rules', import.meta.url));

async function run(args: string[], tty = false) {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: tty },
    stdin: Readable.from([]),
  };
  const code = await runTriage(args, io);
  return { code, out, err };
}

function parse(out: string): { records: TriageRecord[]; summary: TriageSummary } {
  const objs = out.trim().split('\n').map((l) => JSON.parse(l) as TriageRecord | TriageSummary);
  const summary = objs.pop() as TriageSummary;
  return { records: objs as TriageRecord[], summary };
}

const groupOf = (s: TriageSummary, file: string) => s.groups.find((g) => g.files.some((f) => f.endsWith(file)))!;

describe('playfair triage', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'playfair-triage-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('over fixtures/real and the seed: one record per report, then a grouped summary', async () => {
    const { code, out } = await run([REAL, SEED]);
    expect(code).toBe(0);
    const { records, summary } = parse(out);
    // Found by content: 31 samples, SOURCES.tsv, 31 golden JSON files (nothing to judge) and the seed.
    expect(records).toHaveLength(64);
    expect(records.map((r) => r.file)).toEqual([...records.map((r) => r.file)].sort());
    expect(summary.type).toBe('summary');
    expect(summary.reports).toBe(64);
    const seed = records.find((r) => r.file === SEED)!;
    expect(seed.signature.rule).toBe('runq-starvation');
    expect(seed.known.map((k) => k.id)).toEqual(['illumos-1532']);
    expect(seed.quality.rating).toBe('good');
    // Healthy samples: no finding above low anywhere.
    for (const r of records.filter((x) => x.file !== SEED)) expect(r.findings.every((f) => f.severity === 'low' || f.severity === 'info')).toBe(true);
  });

  it('groups the same failure together and keeps different failures apart', async () => {
    const { summary } = parse((await run([REAL, SEED])).out);
    // smartos-live 750 and 527: the same #gp in zfs_znode_free; 527 has no stack, so it joins on the message.
    const znode = groupOf(summary, '020-smartoslive-750-C-status-panicinfo-lx.txt');
    expect(znode.files.some((f) => f.endsWith('021-smartoslive-527-status-panicinfo.txt'))).toBe(true);
    expect(znode.partial.some((f) => f.endsWith('021-smartoslive-527-status-panicinfo.txt'))).toBe(true);
    expect(znode.known).toEqual(['smartos-live-527']);
    // A #gp with another fault address, a #pf, a #df, a deadman and the 1532 seed are each apart.
    const apart = ['023-smartoslive-268-syslog-panic-gp.txt', '017-omnios-632-status-stackregs-two-hosts.txt', '029-omnios-1613-msgbuf-double-fault-regs.txt', '004-wdd-deadman-panic-console.txt', 'illumos-1532.txt'];
    const keys = new Set([znode.key, ...apart.map((f) => groupOf(summary, f).key)]);
    expect(keys.size).toBe(apart.length + 1);
    // The two chunks of the same aarch64 comment (no failure found in either) share a group.
    expect(groupOf(summary, '012-richlowe-aarch64-cpuinfo-stacks-part1.txt').key).toBe(groupOf(summary, '013-richlowe-aarch64-stacks-part2.txt').key);
  });

  // Worker start-up (tsx plus every grammar) dominates here, so the timeout is generous.
  it('--jobs 2 (worker threads) gives the same records as --jobs 1', { timeout: 240_000 }, async () => {
    const one = await run([REAL, SEED, '--jobs', '1']);
    const two = await run([REAL, SEED, '--jobs', '2']);
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
  });

  it('the hand-written 1532 variants: bhyve at hz 1000 is 1532; the pageout/ZIO pattern is comment 6', async () => {
    const { records } = parse((await run([HAND])).out);
    const get = (f: string) => records.find((r) => r.file.endsWith(f))!;
    expect(get('starvation-bhyve-hz1000.txt').known.map((k) => k.id)).toEqual(['illumos-1532']);
    expect(get('taskq-pageout-zio.txt').known.map((k) => k.id)).toContain('illumos-1532-pageout-zio');
    expect(get('taskq-pageout-zio.txt').signature.key).not.toBe(get('starvation-bhyve-hz1000.txt').signature.key);
    expect(get('healthy-busy.txt').signature.rule).toBe('healthy');
  });

  it('a report with no mdb output gets quality none; an unreadable one an error record', async () => {
    const prose = join(tmp, 'prose.txt');
    const bin = join(tmp, 'binary.txt');
    writeFileSync(prose, 'The machine hung again last night.\nNo dump this time, sorry.\n');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const { code, out } = await run([prose, bin]);
    expect(code).toBe(0);
    const { records, summary } = parse(out);
    const p = records.find((r) => r.file === prose)!;
    expect(p.quality.rating).toBe('none');
    expect(p.error).toBeUndefined();
    const b = records.find((r) => r.file === bin)!;
    expect(b.error).toContain('binary');
    expect(b.signature.rule).toBe('unreadable');
    expect(summary.errors).toBe(1);
    expect(summary.quality.none).toBe(2);
  });

  it('markdown: a table of reports and the groups', async () => {
    const { code, out } = await run([REAL, SEED, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(out).toMatch(/^## playfair triage: 64 reports, \d+ groups/);
    expect(out).toContain('| file | signature | worst | known | input |');
    expect(out).toContain('### Groups');
    expect(out).toContain('illumos 1532, SmartOS OS\\-970');
  });

  it('a progress bar on a terminal only, on stderr', async () => {
    const tty = await run([SEED], true);
    expect(tty.err).toContain('1/1 reports');
    expect(tty.out).not.toContain('reports]');
    expect((await run([SEED], false)).err).toBe('');
  });

  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([SEED, '--jobs', '0'])).code).toBe(2);
    expect((await run([SEED, '--format', 'xml'])).code).toBe(2);
    expect((await run([SEED, '--fail-on', 'severe'])).code).toBe(2);
    const empty = mkdtempSync(join(tmp, 'empty-'));
    const r = await run([empty]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no files found');
  });
});
