import { z } from 'zod';
import {
  PLANNED_SIDES,
  type PlannedPoint,
  type PlannedSide,
  type PointConflict,
} from '#core/clinical/safety/index.ts';

// Inputs of the practitioner's visit note (issue 7): the SOAP draft, charted points, needle counts,
// adverse events and addenda. The web forms send strings and the API sends JSON; both parse here, so
// a rule such as "pain is 0–10" lives in one place. Empty form fields mean "not given".

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** An optional number that may arrive as a form string ("" = not given). */
const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess(blankToUndefined, z.coerce.number().pipe(schema).optional());

const text = (max: number) => z.string().max(max, `At most ${max} characters.`);

export const NOTE_TEXT_MAX = 20_000;

export const CHARTED_TECHNIQUES = [
  'acupuncture',
  'electroacupuncture',
  'dry-needling',
  'cupping',
  'moxibustion',
] as const;
export type ChartedTechnique = (typeof CHARTED_TECHNIQUES)[number];

export const NEEDLE_STIMULATIONS = ['even', 'tonifying', 'reducing', 'none'] as const;
export type NeedleStimulation = (typeof NEEDLE_STIMULATIONS)[number];

export const ADVERSE_EVENT_KINDS = [
  'bleeding-haematoma',
  'pain-at-site',
  'fainting-dizziness',
  'nausea',
  'drowsiness',
  'worse-symptoms',
  'skin-reaction',
  'burn',
  'retained-needle',
  'pneumothorax',
  'nerve-injury',
  'other',
] as const;
export type AdverseEventKind = (typeof ADVERSE_EVENT_KINDS)[number];
export const ADVERSE_EVENT_SEVERITIES = ['mild', 'moderate', 'severe'] as const;

/** The note's own text, saved as a draft (autosave) against the version the editor last saw. */
export const VisitNoteDraftSchema = z
  .object({
    version: z.coerce.number().int().min(0).describe('the version the editor started from; 0 = no note yet'),
    subjective: text(NOTE_TEXT_MAX).default(''),
    objective: text(NOTE_TEXT_MAX).default(''),
    assessment: text(NOTE_TEXT_MAX).default(''),
    plan: text(NOTE_TEXT_MAX).default(''),
    aftercare: text(4_000).default(''),
    painScore: optionalNumber(z.number().int('Pain is a whole number.').min(0).max(10)),
  })
  .meta({ id: 'VisitNoteDraft' });
export type VisitNoteDraft = z.infer<typeof VisitNoteDraftSchema>;

export const NeedleCountSchema = z
  .object({
    version: z.coerce.number().int().min(0),
    needlesIn: optionalNumber(z.number().int('A whole number.').min(0).max(500)),
    needlesOut: optionalNumber(z.number().int('A whole number.').min(0).max(500)),
  })
  .meta({ id: 'NeedleCount' });
export type NeedleCount = z.infer<typeof NeedleCountSchema>;

/** One point or technique site on the body chart. */
export const ChartedPointInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, 'Choose a point.')
      .max(16)
      .describe('WHO code such as BL23 or EX-B2; checked against the point catalogue'),
    side: z.enum(PLANNED_SIDES, 'Choose a side.'),
    technique: z.enum(CHARTED_TECHNIQUES).default('acupuncture'),
    stimulation: z.enum(NEEDLE_STIMULATIONS).default('even'),
    depthMm: optionalNumber(z.number().gt(0, 'Depth is more than 0 mm.').max(100, 'At most 100 mm.')),
    gaugeMm: optionalNumber(
      z.number().min(0.1, 'Needle diameter is 0.10–0.50 mm.').max(0.5, 'Needle diameter is 0.10–0.50 mm.'),
    ),
    retentionMinutes: optionalNumber(z.number().int().min(0).max(120, 'At most 120 minutes.')),
    frequencyHz: optionalNumber(z.number().gt(0).max(200, 'At most 200 Hz.')),
    circuit: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(8)
        .regex(/^[A-Za-z0-9-]+$/, 'A short label such as A or 1.')
        .optional(),
    ),
    needleCount: optionalNumber(z.number().int().min(0).max(100)),
    note: text(500).default(''),
  })
  .meta({ id: 'ChartedPointInput' });
export type ChartedPointInput = z.infer<typeof ChartedPointInputSchema>;

/** Keys of the safety conflicts the practitioner acknowledged (`rule` or `rule:CODE`). */
export const AcknowledgementsSchema = z.array(z.string().max(80)).max(200).default([]);

export const AdverseEventInputSchema = z
  .object({
    kind: z.enum(ADVERSE_EVENT_KINDS, 'Choose what happened.'),
    severity: z.enum(ADVERSE_EVENT_SEVERITIES, 'Choose how severe.'),
    description: text(2_000).default(''),
    actionTaken: text(2_000).default(''),
  })
  .meta({ id: 'AdverseEventInput' });
export type AdverseEventInput = z.infer<typeof AdverseEventInputSchema>;

export const AddendumInputSchema = z
  .object({ text: z.string().trim().min(1, 'Write the addendum.').max(NOTE_TEXT_MAX) })
  .meta({ id: 'AddendumInput' });

export const SignNoteSchema = z.object({ version: z.coerce.number().int().min(1) }).meta({ id: 'SignNote' });

/** Field errors from a failed parse, first message per field (for forms and 422s). */
export function listFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || 'form'] ??= issue.message;
  return fields;
}

/**
 * A charted point as the safety check sees it. Cupping alone is checked as if the site were also
 * needled: checkPointPlan has no "cup only" stimulation, and the stricter reading is the safe one.
 */
export function toPlannedPoint(point: {
  code: string;
  side: PlannedSide;
  technique: ChartedTechnique;
  depthMm?: number | null | undefined;
  circuit?: string | null | undefined;
}): PlannedPoint {
  const stimulation: PlannedPoint['stimulation'] =
    point.technique === 'electroacupuncture'
      ? 'electro'
      : point.technique === 'moxibustion'
        ? 'moxibustion'
        : 'manual';
  return {
    code: point.code,
    side: point.side,
    stimulation,
    ...(point.depthMm != null && stimulation !== 'moxibustion' ? { depthMm: point.depthMm } : {}),
    ...(point.technique === 'cupping' ? { cupping: true } : {}),
    ...(point.circuit && stimulation === 'electro' ? { circuit: point.circuit } : {}),
  };
}

/** How an acknowledged point conflict is remembered on the note: `rule:CODE`. */
export function conflictKey(conflict: Pick<PointConflict, 'rule' | 'code'>): string {
  return `${conflict.rule}:${conflict.code}`;
}
