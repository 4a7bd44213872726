import { z } from 'zod';
import {
  ACUPOINT_REGIONS,
  ACUPOINT_SIDES,
  BACK_PAIN_BASES,
  EXTRA_MERIDIAN,
  EXTRA_POINT_GROUPS,
  MERIDIANS,
  PREGNANCY_CAUTION_REASONS,
} from '#core/clinical/acupoints/acupoint.ts';

// CONTRACT.md §4 "Acupoints": GET /api/v1/acupoints?q=&backPain= and GET /api/v1/acupoints/{code}.
// The contract's fields come first; the rest are additions a body chart needs.

export const AcupointRegionSchema = z.enum(ACUPOINT_REGIONS).meta({ id: 'AcupointRegion' });

export const AcupointSchema = z
  .object({
    code: z.string().describe('WHO code: `BL23`, `EX-B2`'),
    meridian: z.enum([...MERIDIANS, EXTRA_MERIDIAN]).describe('`EX` for extra points'),
    number: z.int().min(1).nullable().describe('position on the meridian; null for extra points'),
    pinyin: z.string(),
    region: AcupointRegionSchema,
    side: z.enum(ACUPOINT_SIDES).describe('`bilateral` points are needled left, right or both'),
    backPain: z.boolean().describe('commonly used for low back pain'),
    pregnancyCaution: z.boolean(),
    kind: z.enum(['standard', 'extra']),
    group: z.enum(EXTRA_POINT_GROUPS).nullable(),
    altPinyin: z.array(z.string()),
    alsoInRegions: z.array(AcupointRegionSchema),
    pointCount: z.int().min(1).describe('needling sites the code stands for (34 for Jiaji)'),
    backPainBasis: z.enum(BACK_PAIN_BASES).nullable(),
    neckPain: z.boolean().nullable().describe('null: not assessed'),
    pregnancyCautionReasons: z.array(z.enum(PREGNANCY_CAUTION_REASONS)),
    pneumothoraxRisk: z.boolean(),
    locationSummary: z.string().nullable(),
    notes: z.array(z.string()),
  })
  .meta({ id: 'Acupoint' });
export type AcupointDto = z.infer<typeof AcupointSchema>;

// Query strings carry text; only the literal words true/false are accepted for backPain.
const QueryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const AcupointQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('a code, a code prefix, a pinyin name or a region'),
  backPain: QueryBoolean.optional(),
  region: AcupointRegionSchema.optional(),
  meridian: z
    .string()
    .trim()
    .max(10)
    .optional()
    .describe('any common abbreviation: BL, UB, SJ; EX for extra points'),
});
export type AcupointQueryDto = z.infer<typeof AcupointQuerySchema>;
