import { z } from 'zod';

// Clinic administration forms (issue 7, admin role): working hours, time off, the booking policy and
// appointment types. Form fields arrive as strings; every rule lives here once.

const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time as HH:MM (24-hour).')
  .or(z.literal('24:00'));

const wholeNumber = (min: number, max: number, label: string) =>
  z.coerce
    .number(`${label} must be a number.`)
    .int(`${label} must be a whole number.`)
    .min(min, `${label} is at least ${min}.`)
    .max(max, `${label} is at most ${max}.`);

/** A checkbox: present ("on", "true") means yes. */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export const WorkingHoursInputSchema = z
  .object({
    practitionerId: z.uuid('Choose a practitioner.'),
    weekday: wholeNumber(1, 7, 'Weekday'),
    startsAt: LocalTimeSchema,
    endsAt: LocalTimeSchema,
  })
  .refine((v) => v.endsAt > v.startsAt, { message: 'The end must be after the start.', path: ['endsAt'] })
  .meta({ id: 'WorkingHoursInput' });
export type WorkingHoursInput = z.infer<typeof WorkingHoursInputSchema>;

/** Local wall-clock date-time as an `<input type="datetime-local">` sends it. */
const LocalDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Use a date and time such as 2026-12-24T09:00.');

export const TimeOffInputSchema = z
  .object({
    practitionerId: z.uuid('Choose a practitioner.'),
    startLocal: LocalDateTimeSchema,
    endLocal: LocalDateTimeSchema,
    reason: z.string().trim().max(200, 'At most 200 characters.').default(''),
  })
  .refine((v) => v.endLocal > v.startLocal, {
    message: 'The end must be after the start.',
    path: ['endLocal'],
  })
  .meta({ id: 'TimeOffInput' });
export type TimeOffInput = z.infer<typeof TimeOffInputSchema>;

export const BookingPolicyInputSchema = z
  .object({
    minimumNoticeHours: wholeNumber(0, 24 * 30, 'Minimum notice'),
    maximumDaysAhead: wholeNumber(1, 730, 'Booking horizon'),
    cancellationWindowHours: wholeNumber(0, 24 * 30, 'Cancellation window'),
    slotIntervalMinutes: wholeNumber(5, 120, 'Slot grid'),
  })
  .meta({ id: 'BookingPolicyInput' });
export type BookingPolicyInput = z.infer<typeof BookingPolicyInputSchema>;

export const AppointmentTypeInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the type a name.').max(80, 'At most 80 characters.'),
    description: z.string().trim().max(500, 'At most 500 characters.').default(''),
    durationMinutes: wholeNumber(5, 480, 'Length'),
    bufferBeforeMinutes: wholeNumber(0, 120, 'Time before'),
    bufferAfterMinutes: wholeNumber(0, 120, 'Time after'),
    newPatientOnly: checkbox,
    active: checkbox,
  })
  .meta({ id: 'AppointmentTypeInput' });
export type AppointmentTypeInput = z.infer<typeof AppointmentTypeInputSchema>;

export const NewAppointmentTypeInputSchema = AppointmentTypeInputSchema.extend({
  slug: z
    .string()
    .trim()
    .min(2, 'At least 2 characters.')
    .max(64, 'At most 64 characters.')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case words joined by hyphens, e.g. long-follow-up.'),
});
export type NewAppointmentTypeInput = z.infer<typeof NewAppointmentTypeInputSchema>;
