import { z } from 'zod';
import {
  AppointmentTypeSlugSchema,
  LocalDateSchema,
  OffsetDateTimeSchema,
  TimeZoneSchema,
} from './booking.ts';
import { DurationCategorySchema, PainAreaSchema, RedFlagIdSchema, UrgencySchema } from './checker.ts';
import { ConditionIdSchema } from './conditions.ts';

// The booking pages' query strings and forms (issue 6): every step is a GET form, so the choices
// so far travel in the address. Each value is read on its own: one bad value is dropped without
// losing the others, and the visitor is sent back to the step that needs it.

type Params = { get(name: string): string | null };

function pick<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null || value === '') return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export const PractitionerChoiceSchema = z.union([z.uuid(), z.literal('any')]);

export type BookingChoice = {
  type?: string;
  /** A practitioner id, or `any` for the first available. */
  practitioner?: string;
  /** Any date in the week to show; the page starts the strip on its Monday. */
  week?: string;
  day?: string;
  /** The visitor's time zone; the clinic's when not given. */
  tz?: string;
};

export function readBookingChoice(params: Params): BookingChoice {
  const choice: BookingChoice = {};
  const type = pick(AppointmentTypeSlugSchema, params.get('type'));
  const practitioner = pick(PractitionerChoiceSchema, params.get('practitioner'));
  const week = pick(LocalDateSchema, params.get('week'));
  const day = pick(LocalDateSchema, params.get('day'));
  const tz = pick(TimeZoneSchema, params.get('tz'));
  if (type) choice.type = type;
  if (practitioner) choice.practitioner = practitioner;
  if (week) choice.week = week;
  if (day) choice.day = day;
  if (tz) choice.tz = tz;
  return choice;
}

/** The slot chosen on the time step, as carried to the confirm page. */
export const ChosenSlotSchema = z.object({
  type: AppointmentTypeSlugSchema,
  practitioner: PractitionerChoiceSchema.default('any'),
  slotPractitioner: z.uuid(),
  start: OffsetDateTimeSchema,
});
export type ChosenSlot = z.infer<typeof ChosenSlotSchema>;

/** A time button's value: `<practitioner id>|<start>`, one field so one button carries both. */
export function writeSlotValue(practitionerId: string, start: string): string {
  return `${practitionerId}|${start}`;
}

export function readChosenSlot(params: Params): ChosenSlot | null {
  const slot = params.get('slot') ?? '';
  const bar = slot.indexOf('|');
  const parsed = ChosenSlotSchema.safeParse({
    type: params.get('type') ?? undefined,
    practitioner: params.get('practitioner') || undefined,
    slotPractitioner: bar > 0 ? slot.slice(0, bar) : undefined,
    start: bar > 0 ? slot.slice(bar + 1) : undefined,
  });
  return parsed.success ? parsed.data : null;
}

/** The confirm form also carries a key, so a double click or a resent form books once. */
export const IdempotencyFieldSchema = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/);

// What /checker passes on (app/checker-flow.ts describeBookingHref): the answers a practitioner
// should see, carried through every booking step and attached to the intake form once booked.
const splitList = z
  .string()
  .max(500)
  .transform((s) => s.split(','));

const REFERRAL_FIELDS = {
  from: z.literal('checker'),
  urgency: UrgencySchema,
  duration: DurationCategorySchema,
  durationWeeks: z.coerce.number().min(0).max(5200),
  age: z.coerce.number().int().min(0).max(120),
  areas: splitList.pipe(z.array(PainAreaSchema).max(20)),
  pregnant: z.literal('yes'),
  flags: splitList.pipe(z.array(RedFlagIdSchema).max(20)),
  conditions: splitList.pipe(z.array(ConditionIdSchema).max(20)),
} as const;
export const REFERRAL_PARAM_NAMES = Object.keys(REFERRAL_FIELDS) as Array<keyof typeof REFERRAL_FIELDS>;

export type CheckerReferral = {
  [K in keyof typeof REFERRAL_FIELDS]?: z.infer<(typeof REFERRAL_FIELDS)[K]>;
};

/** The checker's answers from the query, each kept only when valid; null when none came. */
export function readCheckerReferral(params: Params): CheckerReferral | null {
  if (params.get('from') !== 'checker') return null;
  const referral: Record<string, unknown> = {};
  for (const name of REFERRAL_PARAM_NAMES) {
    const value = pick(REFERRAL_FIELDS[name] as z.ZodType<unknown>, params.get(name));
    if (value !== undefined) referral[name] = value;
  }
  // Each value was parsed by its own schema just above.
  return referral as CheckerReferral;
}

/** The referral as query pairs again, to carry to the next step. */
export function writeCheckerReferral(referral: CheckerReferral | null): Array<[string, string]> {
  if (!referral) return [];
  const pairs: Array<[string, string]> = [];
  for (const name of REFERRAL_PARAM_NAMES) {
    const value = referral[name];
    if (value === undefined) continue;
    pairs.push([name, Array.isArray(value) ? value.join(',') : String(value)]);
  }
  return pairs;
}
