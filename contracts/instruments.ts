import { z } from 'zod';
import { INSTRUMENT_IDS } from '#core/clinical/instruments/catalogue.ts';

// CONTRACT.md §4 "Questionnaires (outcome measures)": GET /api/v1/instruments,
// GET /api/v1/instruments/{id} (a FHIR Questionnaire) and POST /api/v1/instruments/{id}/score.

export const InstrumentIdSchema = z.enum(INSTRUMENT_IDS).meta({ id: 'InstrumentId' });
export type InstrumentId = z.infer<typeof InstrumentIdSchema>;

// Values stay unknown here on purpose: scoring checks each one and answers 422 naming the
// offending linkIds (CONTRACT.md), rather than a 400 for the whole body.
export const ScoreRequestSchema = z
  .object({
    answers: z
      .record(z.string(), z.unknown())
      .describe(
        'linkId → value: integers for scales, true/false for statements; null or missing means not answered',
      ),
  })
  .meta({ id: 'ScoreRequest' });
export type ScoreRequest = z.infer<typeof ScoreRequestSchema>;

export const InstrumentBandSchema = z
  .enum(['minimal', 'moderate', 'severe', 'crippling', 'bed-bound', 'low', 'medium', 'high'])
  .describe('ODI: minimal … bed-bound; STarT Back: low, medium, high')
  .meta({ id: 'InstrumentBand' });
export type InstrumentBand = z.infer<typeof InstrumentBandSchema>;

export const InstrumentScoreSchema = z
  .object({
    instrument: InstrumentIdSchema,
    score: z.number().describe('exact, never rounded; round only for display'),
    band: InstrumentBandSchema.optional(),
    subscores: z
      .object({ psychosocial: z.int().min(0).max(5) })
      .optional()
      .describe('STarT Back only'),
    answered: z
      .int()
      .min(0)
      .describe('items that count toward the score (RMDQ: all 24, unticked count as false)'),
  })
  .meta({ id: 'InstrumentScore' });
export type InstrumentScore = z.infer<typeof InstrumentScoreSchema>;

export const InstrumentLicenceSchema = z
  .object({
    owner: z.string(),
    itemTextIncluded: z
      .boolean()
      .describe('false: the Questionnaire carries neutral labels, not the licensed wording'),
    terms: z.string(),
  })
  .meta({ id: 'InstrumentLicence' });
export type InstrumentLicence = z.infer<typeof InstrumentLicenceSchema>;

export const InstrumentSummarySchema = z
  .object({
    id: InstrumentIdSchema,
    name: z.string(),
    description: z.string(),
    version: z.string(),
    items: z.int().min(1).describe('number of questions'),
    scoreRange: z.object({ min: z.number(), max: z.number() }),
    licence: InstrumentLicenceSchema,
  })
  .meta({ id: 'InstrumentSummary' });
export type InstrumentSummary = z.infer<typeof InstrumentSummarySchema>;
