import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PAIN_AREAS } from '#core/clinical/triage/likely-conditions.ts';
import { RED_FLAG_IDS } from '#core/clinical/triage/red-flags.ts';
import { type TriageResult, triageBackPain } from '#core/clinical/triage/triage.ts';
import {
  type CheckerRequest,
  CheckerRequestSchema,
  type CheckerResult,
  CheckerResultSchema,
} from './checker.ts';

// Compile-time: a parsed request is a valid triage input, and a triage result is a valid API body.
const asResult = (result: TriageResult): CheckerResult => result;
const toTriageResult = (request: CheckerRequest): TriageResult => triageBackPain(request);

const valid = { ageYears: 40, durationWeeks: 3, redFlags: { fever: true, saddle_numbness: false } };

function listIssuePaths(body: unknown): string[] {
  const parsed = CheckerRequestSchema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('CheckerRequestSchema', () => {
  it('accepts the CONTRACT.md body with every optional field', () => {
    const body = { ...valid, sex: 'female', pregnant: true, painAreas: [...PAIN_AREAS], firstEpisode: false };
    expect(CheckerRequestSchema.parse(body)).toEqual(body);
  });

  it('refuses an unknown red-flag id', () => {
    expect(listIssuePaths({ ...valid, redFlags: { fever: true, chest_pain: true } })).toEqual(['redFlags']);
  });

  it('refuses a non-boolean red-flag answer', () => {
    expect(listIssuePaths({ ...valid, redFlags: { fever: 'yes' } })).toEqual(['redFlags.fever']);
  });

  it.each([
    [{ ...valid, ageYears: 121 }, 'ageYears'],
    [{ ...valid, ageYears: -1 }, 'ageYears'],
    [{ ...valid, ageYears: 40.5 }, 'ageYears'],
    [{ ...valid, durationWeeks: -0.5 }, 'durationWeeks'],
    [{ ...valid, painAreas: ['elbow'] }, 'painAreas.0'],
    [{ ...valid, sex: 'unknown' }, 'sex'],
    [{ ageYears: 40, durationWeeks: 3 }, 'redFlags'],
  ])('refuses %j at %s', (body, path) => {
    expect(listIssuePaths(body)).toContain(path);
  });

  it('accepts every canonical red-flag id', () => {
    const all = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, true]));
    expect(CheckerRequestSchema.parse({ ...valid, redFlags: all }).redFlags).toEqual(all);
  });

  it('names itself for OpenAPI', () => {
    expect(() => z.toJSONSchema(CheckerRequestSchema)).not.toThrow();
    expect(z.globalRegistry.get(CheckerRequestSchema)?.id).toBe('CheckerRequest');
    expect(z.globalRegistry.get(CheckerResultSchema)?.id).toBe('CheckerResult');
  });
});

const requestArb = fc.record(
  {
    ageYears: fc.integer({ min: 0, max: 120 }),
    sex: fc.constantFrom('female' as const, 'male' as const, 'other' as const),
    durationWeeks: fc.double({ min: 0, max: 1000, noNaN: true }),
    pregnant: fc.boolean(),
    painAreas: fc.uniqueArray(fc.constantFrom(...PAIN_AREAS)),
    redFlags: fc.dictionary(fc.constantFrom(...RED_FLAG_IDS), fc.boolean()),
    firstEpisode: fc.boolean(),
  },
  { requiredKeys: ['ageYears', 'durationWeeks', 'redFlags'] },
);

describe('CheckerResultSchema', () => {
  test.prop([requestArb])('accepts every triage result unchanged', (body) => {
    const request = CheckerRequestSchema.parse(body);
    const result = asResult(toTriageResult(request));
    expect(CheckerResultSchema.parse(result)).toEqual(result);
  });
});
