// A generated transcript (bench/gen) through analyze, whole and streamed: the JSON written piece
// by piece parses, and the streaming syntax check `npm run stress` relies on agrees. The 1 GiB run
// is `npm run stress`, which CI skips.
import { describe, expect, it } from 'vitest';
import { transcriptChunks } from '../../bench/gen/transcript.ts';
import { JsonCheck } from '../limits/json-check.ts';
import { run } from './run.ts';

describe('JSON of a generated 4 MiB transcript', () => {
  const text = Array.from(transcriptChunks({ bytes: 4 * 1024 * 1024, seed: 7, legacy: false })).join('');

  it.each([[[]], [['--stream']]])('parses (%j)', async (extra) => {
    const r = await run(['analyze', '-', '--format', 'json', ...extra], text);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.accounting.lines).toBe(text.split('\n').length - 1);
    expect(j.accounting.parsed).toBeGreaterThan(0);
    expect(j.snapshot.threads.length).toBeGreaterThan(100);
    const c = new JsonCheck();
    c.push(Buffer.from(r.out));
    expect(c.end()).toBeNull();
  }, 120_000);
});
