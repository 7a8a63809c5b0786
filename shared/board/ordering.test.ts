import fc from 'fast-check';
import { generateKeyBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { isOrderKey, orderBetween, orderSequence } from './ordering.ts';

describe('order keys', () => {
  it('accepts every key the library generates, between any two keys', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (steps) => {
        let low: string | null = null;
        let high: string | null = null;
        for (const towardsHigh of steps) {
          const key = orderBetween(low, high);
          expect(isOrderKey(key)).toBe(true);
          if (towardsHigh) low = key;
          else high = key;
        }
      }),
    );
    for (const key of orderSequence(5000)) expect(isOrderKey(key)).toBe(true);
  });

  it('refuses what the library refuses', () => {
    for (const bad of ['', 'a', 'a00', 'b0', 'é1', `A${'0'.repeat(26)}`, '{0']) {
      expect(isOrderKey(bad)).toBe(false);
      expect(() => generateKeyBetween(bad, null)).toThrow();
    }
    // Stricter than the library on characters outside its alphabet.
    expect(isOrderKey('a0 ')).toBe(false);
  });
});
