// A triage batch survives any report and any directory: crashes and out-of-memory in one report,
// unreadable directories, FIFOs, sockets, links, names that are not UTF-8, a file named `-`,
// and Ctrl-C while writing NDJSON (issue 13). Small inputs throughout.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/triage/files.ts';
import { triageFile } from '../../src/triage/one.ts';
import { IN_FLIGHT, IN_FLIGHT_BYTES, runPool } from '../../src/triage/pool.ts';
import { triageRecord, type TriageRecord } from '../../src/triage/record.ts';
import { markdownReport, summarize, type TriageSummary } from '../../src/triage/output.ts';
import { groupRecords } from '../../src/triage/group.ts';
import { analyzeText } from '../../src/analyze.ts';
import { RULES } from '../../src/rules/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(ROOT, 'fixtures/seed/illumos-1532.txt');
const OPTS = { maxInput: 1 << 20 };
const tmp = mkdtempSync(join(tmpdir(), 'playfair-triage-edges-'));
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
  spawnSync('chmod', ['-R', 'u+rwx', tmp]);
  // rm walks trees deeper than PATH_MAX (the deep test makes one); rmSync does not.
  spawnSync('rm', ['-rf', tmp]);
});

function dir(name: string): string {
  const d = join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
}

async function pool(files: Awaited<ReturnType<typeof expandInputs>>, ctl = {}): Promise<TriageRecord[]> {
  if (!files.ok) throw new Error(files.message);
  const out: TriageRecord[] = [];
  await runPool(files.files, OPTS, 1, (i, r) => (out[i] = r), ctl);
  return out;
}

describe('one report cannot take the batch down', () => {
  it('a report that runs out of memory, throws or ends its thread gets an error record; the rest are triaged', async () => {
    const d = dir('crashing');
    for (const f of ['a-oom.txt', 'b-ok.txt', 'c-throw.txt', 'd-exit.txt', 'e-ok.txt']) copyFileSync(SEED, join(d, f));
    const records = await pool(await expandInputs([d]), { heapMb: 96, entry: new URL('./crash-worker.ts', import.meta.url) });
    const byName = (s: string) => records.find((r) => r.file.endsWith(s))!;
    expect(records).toHaveLength(5);
    expect(byName('a-oom.txt').error).toBe('analysis failed: out of memory');
    expect(byName('c-throw.txt').error).toBe('analysis failed: planted crash');
    expect(byName('d-exit.txt').error).toBe('analysis failed: worker exited with code 3');
    // A dead analysis is playfair's own failure: counted as an internal error, with what stack there is.
    expect(byName('c-throw.txt')).toMatchObject({ internalErrors: 1, stack: expect.stringMatching(/^Error: planted crash/) });
    expect(byName('a-oom.txt').internalErrors).toBe(1);
    for (const ok of ['b-ok.txt', 'e-ok.txt']) {
      expect(byName(ok).error).toBeUndefined();
      expect(byName(ok).internalErrors).toBeUndefined();
      expect(byName(ok).known.map((k) => k.id)).toEqual(['illumos-1532']);
    }
  }, 180_000);
});

describe('reports queued ahead in a worker', () => {
  it.each([1, 2])('--jobs %i: a worker that dies hands the reports queued behind its own to the next; each report answered once', async (jobs) => {
    const d = dir(`queued-${jobs}`);
    const names = ['a-ok.txt', 'b-exit.txt', 'c-ok.txt', 'd-ok.txt', 'e-ok.txt', 'f-exit.txt', 'g-ok.txt', 'h-ok.txt', 'i-ok.txt'];
    for (const f of names) copyFileSync(SEED, join(d, f));
    const files = await expandInputs([d]);
    if (!files.ok) throw new Error(files.message);
    const calls: number[] = [];
    const out: TriageRecord[] = [];
    await runPool(files.files, OPTS, jobs, (i, r) => {
      calls.push(i);
      out[i] = r;
    }, { entry: new URL('./crash-worker.ts', import.meta.url) });
    // More reports than a worker holds (IN_FLIGHT), two deaths with reports queued behind them.
    expect(names.length).toBeGreaterThan(IN_FLIGHT);
    expect([...calls].sort((x, y) => x - y)).toEqual(names.map((_, i) => i));
    expect(out.map((r) => [r.file.split('/').pop(), r.error ?? 'ok'])).toEqual(
      names.map((n) => [n, n.includes('exit') ? 'analysis failed: worker exited with code 3' : 'ok']),
    );
  }, 180_000);
});

describe('how far ahead a worker is fed', () => {
  it(`small reports: up to IN_FLIGHT at once; a report of IN_FLIGHT_BYTES or more: alone`, async () => {
    const d = dir('depth');
    for (let k = 0; k < 8; k++) writeFileSync(join(d, `small-${k}.txt`), 'x\n');
    for (let k = 0; k < 3; k++) writeFileSync(join(d, `zbig-${k}.txt`), 'x'.repeat(IN_FLIGHT_BYTES));
    const files = await expandInputs([d]);
    if (!files.ok) throw new Error(files.message);
    const out: TriageRecord[] = [];
    await runPool(files.files, OPTS, 1, (i, r) => (out[i] = r), { entry: new URL('./depth-worker.ts', import.meta.url) });
    const held = (prefix: string) => out.filter((r) => r.file.includes(prefix)).map((r) => Number(/held (\d+)/.exec(r.error ?? '')?.[1]));
    // The small reports come first and fill the worker to IN_FLIGHT.
    expect(Math.max(...held('small-'))).toBe(IN_FLIGHT);
    // A big one is sent only when the worker holds nothing else, and nothing is sent behind it.
    expect(held('zbig-')).toEqual([1, 1, 1]);
  }, 60_000);
});

describe('internal errors in a record', () => {
  it('a rule that throws on a report is counted in its record and in the summary', () => {
    const a = analyzeText(readFileSync(SEED, 'utf8'), { lean: true, ruleSet: [...RULES, { id: 'planted', title: 'throws', run: () => { throw new Error('planted'); } }] });
    const rec = triageRecord('seed.txt', a);
    expect(rec.internalErrors).toBe(1);
    expect(rec.error).toBeUndefined();
    const clean = triageRecord('seed.txt', analyzeText(readFileSync(SEED, 'utf8'), { lean: true }));
    expect(clean.internalErrors).toBeUndefined();
    const s = summarize([rec, clean], groupRecords([rec, clean]));
    expect(s.internalErrors).toBe(1);
    expect(markdownReport([rec, clean], s)).toContain('; internal errors on 1 (their verdicts may be incomplete).');
  });
});

describe('what a directory holds', () => {
  it('records an unreadable subdirectory and goes on (path too long to open, for root too)', async () => {
    const d = dir('deep');
    copyFileSync(SEED, join(d, 'top.txt'));
    // 17 levels of 250-character names: past PATH_MAX (4096) no walk can open the deepest one.
    const seg = 'd'.repeat(250);
    const made = spawnSync(process.execPath, ['-e', `process.chdir(${JSON.stringify(d)}); for (let i = 0; i < 17; i++) { require('fs').mkdirSync('${seg}'); process.chdir('${seg}'); }`]);
    expect(made.stderr.toString()).toBe('');
    const list = await expandInputs([d]);
    if (!list.ok) throw new Error(list.message);
    const errors = list.files.filter((f) => f.error !== undefined);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.error).toMatch(/^cannot read directory: cannot read \(ENAMETOOLONG\)$/);
    expect(list.files.filter((f) => f.error === undefined).map((f) => f.name)).toEqual([join(d, 'top.txt')]);
  });

  it.skipIf(process.getuid?.() === 0)('records a subdirectory without read permission and goes on', async () => {
    const d = dir('locked');
    copyFileSync(SEED, join(d, 'a.txt'));
    const locked = dir('locked/private');
    copyFileSync(SEED, join(locked, 'b.txt'));
    chmodSync(locked, 0);
    const records = await pool(await expandInputs([d]));
    expect(records.map((r) => [r.file, r.error ?? null])).toEqual([
      [join(d, 'a.txt'), null],
      [locked, 'cannot read directory: permission denied'],
    ]);
  }, 60_000);

  it('takes links to reports, and records links to directories, broken links, FIFOs and sockets', async () => {
    const d = dir('odd');
    copyFileSync(SEED, join(d, 'real.txt'));
    symlinkSync(SEED, join(d, 'link.txt'));
    symlinkSync(join(tmp, 'nowhere'), join(d, 'broken.txt'));
    symlinkSync(dir('elsewhere'), join(d, 'dirlink'));
    expect(spawnSync('mkfifo', [join(d, 'fifo.txt')]).status).toBe(0);
    const server = createServer();
    servers.push(server);
    await new Promise<void>((res) => server.listen(join(d, 'sock.log'), res));
    const records = await pool(await expandInputs([d]));
    expect(records.map((r) => [r.file.slice(d.length + 1), r.error ?? r.known.map((k) => k.id).join()])).toEqual([
      ['broken.txt', 'symbolic link to nothing readable: no such file'],
      ['dirlink', 'symbolic link to a directory: not followed'],
      ['fifo.txt', 'a FIFO (named pipe), not a regular file: not read'],
      ['link.txt', 'illumos-1532'],
      ['real.txt', 'illumos-1532'],
      ['sock.log', 'a socket, not a regular file: not read'],
    ]);
  }, 60_000);

  it('reads a report whose name is not valid UTF-8, and shows the name with escapes', async () => {
    const d = dir('names');
    writeFileSync(Buffer.concat([Buffer.from(d + '/bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), readFileSync(SEED));
    const records = await pool(await expandInputs([d]));
    expect(records).toHaveLength(1);
    expect(records[0]!.file).toBe(join(d, 'bad-\\xff\\xfe.txt'));
    expect(records[0]!.error).toBeUndefined();
    expect(records[0]!.known.map((k) => k.id)).toEqual(['illumos-1532']);
  }, 60_000);

  it('never reads stdin for a report named -', async () => {
    // Run from the repository root, where there is no file named `-`.
    const r = await triageFile({ name: '-', path: '-' }, OPTS);
    expect(r.error).toBe('no such file');
  });
});

/** The CLI as a user runs it (tsx, resolved from here so any `cwd` works). */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
function cli(args: string[], cwd: string) {
  return spawn(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/main.ts'), 'triage', ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
}

function collect(p: ReturnType<typeof cli>): Promise<{ code: number | null; out: string }> {
  let out = '';
  p.stdout.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((res) => p.on('close', (code) => res({ code, out })));
}

describe('the triage command', () => {
  it('reads a file named -, refuses a FIFO named on the command line, and never waits on stdin', async () => {
    const d = dir('cwd');
    copyFileSync(SEED, join(d, '-'));
    expect(spawnSync('mkfifo', [join(d, 'pipe.txt')]).status).toBe(0);
    // stdin stays open and silent: reading it, or opening the FIFO, would hang until the timeout.
    const p = cli(['-', 'pipe.txt'], d);
    const { code, out } = await collect(p);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as TriageRecord | TriageSummary);
    expect(lines.map((l) => (l.type === 'report' ? [l.file, l.error ?? l.known.map((k) => k.id).join()] : l.type))).toEqual([
      ['-', 'illumos-1532'],
      ['pipe.txt', 'a FIFO (named pipe), not a regular file: not read'],
      'summary',
    ]);
  }, 120_000);

  it('on SIGINT writes whole records and a final summary that says the run was interrupted', async () => {
    const d = dir('many');
    for (let i = 0; i < 400; i++) copyFileSync(SEED, join(d, `r${String(i).padStart(3, '0')}.txt`));
    const p = cli([d], tmp);
    let signalled = false;
    p.stdout.on('data', () => {
      if (!signalled) {
        signalled = true;
        p.kill('SIGINT');
      }
    });
    const { code, out } = await collect(p);
    expect(code).toBe(130);
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as TriageRecord | TriageSummary);
    const summary = lines.pop() as TriageSummary;
    expect(summary.type).toBe('summary');
    expect(summary.interrupted).toEqual({ of: 400 });
    expect(summary.reports).toBe(lines.length);
    expect(lines.length).toBeLessThan(400);
    expect(lines.every((l) => l.type === 'report')).toBe(true);
  }, 120_000);
});
