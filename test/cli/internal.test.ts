// Internal errors: when a grammar or rule failed (a diagnostic or rule note of kind 'internal'),
// analyze exits 4, the text report says "internal error" near the top, JSON keeps the kinds and a
// count, SARIF marks the run unsuccessful; an exception that escapes a command is the same value
// from main's net. The pipeline is wrapped so a test can inject the failure it wants.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Analysis } from '../../src/analysis.ts';
import { run, SEED } from './run.ts';

const inject: { mode: 'none' | 'diagnostic' | 'note' | 'throw' } = { mode: 'none' };

vi.mock('../../src/analyze.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/analyze.ts')>();
  const hurt = (a: Analysis): Analysis => {
    if (inject.mode === 'diagnostic') {
      a.diagnostics.push({ line: 53, col: 1, message: 'internal error reading cpuinfo: boom', kind: 'internal', stack: 'Error: boom\n    at readRow (grammar/cpuinfo/index.ts:10:5)' });
    } else if (inject.mode === 'note') {
      a.notes.push({ rule: 'runq-starvation', message: 'internal error, rule skipped: Maximum call stack size exceeded', kind: 'internal', stack: 'RangeError: Maximum call stack size exceeded' });
    }
    return a;
  };
  return {
    ...real,
    analyzeText: (text: string, opts?: Parameters<typeof real.analyzeText>[1]) => {
      if (inject.mode === 'throw') throw new Error('kaboom \x1b[31m');
      return hurt(real.analyzeText(text, opts));
    },
  };
});

beforeEach(() => {
  inject.mode = 'none';
});

describe('internal errors', () => {
  it('a clean run is unaffected: the seed exits 1 with no internal-error section', async () => {
    const r = await run(['analyze', SEED]);
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('Internal error');
  });

  it('a grammar failure: exit 4, named in the text summary, above the findings', async () => {
    inject.mode = 'diagnostic';
    const r = await run(['analyze', SEED]);
    expect(r.code).toBe(4);
    const lines = r.out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Internal error (1): playfair itself failed'));
    expect(at).toBe(3);
    expect(lines[at + 1]).toBe('  line 53:1: internal error reading cpuinfo: boom');
    expect(lines.findIndex((l) => l.startsWith('Findings: '))).toBeGreaterThan(at);
  });

  it('a rule failure (the rule skipped): exit 4 even though other findings are present', async () => {
    inject.mode = 'note';
    const r = await run(['analyze', SEED, '--format', 'markdown']);
    expect(r.code).toBe(4);
    expect(r.out).toContain('### Internal error \\(1\\)\\: playfair itself failed; the verdict may be incomplete\\.');
    expect(r.out).toContain('- rule runq\\-starvation\\: internal error, rule skipped\\: Maximum call stack size exceeded');
  });

  it('JSON keeps the kind and stack of each, and a top-level count', async () => {
    inject.mode = 'diagnostic';
    const d = await run(['analyze', SEED, '--format', 'json']);
    expect(d.code).toBe(4);
    const j = JSON.parse(d.out);
    expect(j.internalErrors).toBe(1);
    expect(j.diagnostics).toEqual([{ line: 53, col: 1, message: 'internal error reading cpuinfo: boom', kind: 'internal', stack: 'Error: boom\n    at readRow (grammar/cpuinfo/index.ts:10:5)' }]);
    expect(d.err).toBe('playfair analyze: 1 internal error; the verdict may be incomplete\n');
    inject.mode = 'note';
    const n = JSON.parse((await run(['analyze', SEED, '--format', 'json'])).out);
    expect(n.internalErrors).toBe(1);
    expect(n.notes.find((x: { kind?: string }) => x.kind === 'internal').rule).toBe('runq-starvation');
  });

  it('SARIF: an error-level notification with the exception, and the run not successful', async () => {
    inject.mode = 'diagnostic';
    const r = await run(['analyze', SEED, '--format', 'sarif']);
    expect(r.code).toBe(4);
    const inv = JSON.parse(r.out).runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    const note = inv.toolExecutionNotifications.find((x: { level: string }) => x.level === 'error');
    expect(note.exception).toEqual({ kind: 'internal', message: 'internal error reading cpuinfo: boom' });
    expect(note.locations[0].physicalLocation.region.startLine).toBe(53);
  });

  it("an exception that escapes the command: main's net gives exit 4 and one escaped line saying where", async () => {
    inject.mode = 'throw';
    const r = await run(['analyze', SEED]);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/^playfair analyze: internal error: kaboom \\x1b\[31m \(at .+\)\n$/);
    expect(r.out).toBe('');
  });
});
