import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type InstrumentSummary as CoreSummary,
  INSTRUMENT_IDS,
  listInstruments,
} from '#core/clinical/instruments/catalogue.ts';
import {
  type InstrumentScore as CoreScore,
  listLinkIds,
  scoreInstrument,
} from '#core/clinical/instruments/scoring.ts';
import {
  InstrumentIdSchema,
  type InstrumentScore,
  InstrumentScoreSchema,
  type InstrumentSummary,
  InstrumentSummarySchema,
  ScoreRequestSchema,
} from './instruments.ts';

// Compile-time: core values are valid API bodies.
const asScore = (score: CoreScore): InstrumentScore => score;
const asSummary = (summary: CoreSummary): InstrumentSummary => summary;

describe('instrument contracts', () => {
  it('list the same ids as the instrument catalogue', () => {
    expect(InstrumentIdSchema.options).toEqual([...INSTRUMENT_IDS]);
    expect(InstrumentIdSchema.safeParse('promis-pi-6a').success).toBe(false);
  });

  it.each(listInstruments())('accept the $id summary unchanged', (summary) => {
    expect(InstrumentSummarySchema.parse(asSummary(summary))).toEqual(summary);
  });

  it('accept any answers record in a score request, so scoring can name bad fields', () => {
    const body = { answers: { 'odi-1': 3, 'rmdq-2': true, 'sbst-9': 'a lot', 'odi-2': null } };
    expect(ScoreRequestSchema.parse(body)).toEqual(body);
    expect(ScoreRequestSchema.safeParse({ answers: [1, 2] }).success).toBe(false);
    expect(ScoreRequestSchema.safeParse({}).success).toBe(false);
  });

  it('name themselves for OpenAPI', () => {
    expect(z.globalRegistry.get(InstrumentScoreSchema)?.id).toBe('InstrumentScore');
    expect(z.globalRegistry.get(InstrumentSummarySchema)?.id).toBe('InstrumentSummary');
    expect(z.globalRegistry.get(ScoreRequestSchema)?.id).toBe('ScoreRequest');
  });
});

const answersArb = fc
  .constantFrom(...INSTRUMENT_IDS)
  .chain((id) =>
    fc
      .record(
        Object.fromEntries(
          listLinkIds(id).map((linkId) => [linkId, fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 10 }))]),
        ),
      )
      .map((answers) => ({ id, answers })),
  );

describe('InstrumentScoreSchema', () => {
  test.prop([answersArb])('accepts every score that scoring produces unchanged', ({ id, answers }) => {
    const result = scoreInstrument(id, answers);
    if (result.ok) expect(InstrumentScoreSchema.parse(asScore(result.value))).toEqual(result.value);
    else expect(result.error.code).toBe('invalid');
  });
});
