// The streaming JSON check used by `npm run stress` agrees with JSON.parse, whatever the chunking.
import { describe, expect, it } from 'vitest';
import { JsonCheck } from './json-check.ts';

function check(text: string, chunk: number): string | null {
  const c = new JsonCheck();
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunk) c.push(bytes.subarray(i, i + chunk));
  return c.end();
}

const VALID = ['{}', '[]', '0', '-1.5e+3', 'true', 'null', '"a\\u00e9\\n"', '{"a": [1, {"b": null}], "c": "x"}', ' [ 1 , 2 ] \n', JSON.stringify({ deep: [[[[{ x: [-0.25, 'é', false] }]]]] }, null, 2)];
const INVALID = ['', '{', '[1,]', '{"a" 1}', '{"a": 1,}', '01', '1.', '-', 'tru', 'nulls', '"a\nb"', '"\\x"', '"\\u12g4"', '[1] 2', '{1: 2}', '[}', '"open'];

describe('JsonCheck', () => {
  it.each(VALID)('accepts %j in chunks of 1, 3 and all', (t) => {
    expect(() => JSON.parse(t)).not.toThrow();
    for (const n of [1, 3, 1 << 20]) expect(check(t, n)).toBeNull();
  });
  it.each(INVALID)('rejects %j in chunks of 1, 3 and all', (t) => {
    expect(() => JSON.parse(t)).toThrow();
    for (const n of [1, 3, 1 << 20]) expect(check(t, n)).not.toBeNull();
  });
  it('records the top-level keys', () => {
    const c = new JsonCheck();
    c.push(Buffer.from('{"version": 1, "source": "x", "nested": {"inner": 2}}'));
    expect(c.end()).toBeNull();
    expect(c.topKeys).toEqual(['version', 'source', 'nested']);
  });
});
