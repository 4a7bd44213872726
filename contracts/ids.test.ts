import { describe, expect, it } from 'vitest';
import { isRecordId, RecordIdSchema } from './ids.ts';

describe('RecordIdSchema', () => {
  it.each([
    '3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b',
    '00000000-0000-4000-8000-00000000dead',
    '00000000-0000-4000-8000-00000000DEAD',
    // Not RFC 9562 version/variant digits, yet a value a uuid column holds: unknown, not malformed.
    '00000000-0000-0000-0000-00000000dead',
    '11111111-1111-1111-1111-111111111111',
  ])('accepts %s', (id) => {
    expect(RecordIdSchema.safeParse(id).success).toBe(true);
    expect(isRecordId(id)).toBe(true);
  });

  it.each([
    '',
    'not-a-uuid',
    '00000000-0000-4000-8000-00000000dea',
    '00000000-0000-4000-8000-00000000deadd',
    '0000000000004000800000000000dead',
    '{00000000-0000-4000-8000-00000000dead}',
    ' 00000000-0000-4000-8000-00000000dead',
    '00000000-0000-4000-8000-00000000dead\u0000',
    '00000000-0000-4000-8000-00000000deag',
    "' or 1=1 --",
  ])('refuses %j', (id) => {
    expect(RecordIdSchema.safeParse(id).success).toBe(false);
    expect(isRecordId(id)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['00000000-0000-4000-8000-00000000dead']]) {
      expect(isRecordId(value)).toBe(false);
    }
  });

  it('says plainly what is wrong', () => {
    expect(RecordIdSchema.safeParse('x').error?.issues[0]?.message).toBe('Not a valid id.');
  });
});
