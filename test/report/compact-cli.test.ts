// `analyze --compact`: JSON schema v2 or compact Markdown; with text or SARIF a usage error.
import { describe, expect, it } from 'vitest';
import { run, SEED } from '../cli/run.ts';

describe('analyze --compact', () => {
  it('json: one line, schema v2, same exit code as without', async () => {
    const r = await run(['analyze', SEED, '--format', 'json', '--compact']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toHaveLength(2);
    expect((JSON.parse(r.out) as { version: number }).version).toBe(2);
  });

  it('markdown: findings as F1..F4', async () => {
    const r = await run(['analyze', SEED, '--format', 'markdown', '--compact']);
    expect(r.code).toBe(1);
    expect(r.out.match(/^- \*\*F\d\*\*/gm)).toHaveLength(4);
  });

  it.each(['text', 'sarif'])('%s: usage error, exit 2, nothing on stdout', async (format) => {
    const r = await run(['analyze', SEED, '--format', format, '--compact']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('playfair analyze: --compact applies to --format json or markdown\n');
  });
});
