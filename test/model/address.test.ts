// toAddr, the one normaliser of kernel addresses: every spelling mdb or a paste uses becomes one key
// (lower-case hex, no 0x, no leading zeros), and anything else is not an address. Its shortcut for
// text already in that form must agree with the general path everywhere.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toAddr } from '../../illumos/address.ts';

/** The key worked out another way: the number the hex spells, printed back in hex. */
function byBigInt(text: string): string | null {
  const t = text.trim();
  const digits = /^0[xX]/.test(t) ? t.slice(2) : t;
  if (!/^[0-9a-fA-F]+$/.test(digits)) return null;
  return BigInt('0x' + digits).toString(16);
}

describe('toAddr', () => {
  it('keeps an address already spelled as a key', () => {
    expect(toAddr('ffffff01d5a600c0')).toBe('ffffff01d5a600c0');
    expect(toAddr('0')).toBe('0');
    expect(toAddr('7')).toBe('7');
  });

  it('normalises the other spellings to the same key', () => {
    expect(toAddr('0xFFFFFF01D5A600C0')).toBe('ffffff01d5a600c0');
    expect(toAddr('FFFFFF01d5a600c0')).toBe('ffffff01d5a600c0');
    expect(toAddr('  ffffff01d5a600c0 ')).toBe('ffffff01d5a600c0');
    expect(toAddr('00000000fbc2e4a0')).toBe('fbc2e4a0');
    expect(toAddr('00')).toBe('0');
    expect(toAddr('0x0')).toBe('0');
  });

  it('refuses what is not hex', () => {
    for (const t of ['', ' ', '-', '?', '0x', 'fffg', 'ffff ffff', '+1', 'ffffff01d5a600c0:']) expect(toAddr(t), t).toBeNull();
  });

  it('agrees with the value the hex spells, whatever the case, prefix, zeros or spaces', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 1, maxLength: 20 });
    const spelled = fc.tuple(fc.constantFrom('', '0x', '0X'), fc.constantFrom('', '0', '000'), hex, fc.constantFrom('', ' ', '  ')).map(([p, z, h, s]) => s + p + z + h + s);
    fc.assert(fc.property(fc.oneof(spelled, fc.string({ maxLength: 20 })), (t) => {
      expect(toAddr(t)).toBe(byBigInt(t));
    }));
  });
});
