import { describe, expect, it } from 'vitest';
import { randomToken } from './random-tokens.ts';

describe('random tokens', () => {
  it('never hands out the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    // 16 bytes each: 4,000 tokens draw the 4 KB pool about 16 times.
    for (let i = 0; i < 4000; i += 1) seen.add(randomToken(16, 'base64'));
    expect(seen.size).toBe(4000);
  });

  it('encodes the number of bytes asked for', () => {
    expect(Buffer.from(randomToken(24, 'base64url'), 'base64url')).toHaveLength(24);
    expect(randomToken(16, 'base64')).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(() => randomToken(5000, 'base64')).toThrow(RangeError);
  });
});
