import { z } from 'zod';
import { RecordIdSchema } from './ids.ts';

// CONTRACT.md §4 "Booking": practitioners, appointment types, availability and appointments.

const isKnownTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, 'Use an IANA time zone such as America/New_York')
  .meta({ id: 'TimeZone', example: 'America/New_York' });

// Calendar dates only: Temporal checks the day exists in the service.
export const LocalDateSchema = z.iso.date('Use a date as YYYY-MM-DD').meta({ id: 'LocalDate' });

/** An instant with an explicit offset (`2026-12-01T10:00:00-05:00` or `…Z`); local times are ambiguous. */
export const OffsetDateTimeSchema = z.iso
  .datetime({
    offset: true,
    error: 'Use an ISO 8601 date-time with an offset, e.g. 2026-12-01T10:00:00-05:00',
  })
  .meta({ id: 'OffsetDateTime' });

export const AppointmentTypeSlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'An appointment type slug such as follow-up');

export const PractitionerSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    displayName: z.string(),
    credentials: z.string(),
    bio: z.string(),
    appointmentTypes: z.array(z.string()).describe('slugs of the appointment types offered'),
  })
  .meta({ id: 'Practitioner' });
export type PractitionerDto = z.infer<typeof PractitionerSchema>;

export const AppointmentTypeSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    durationMinutes: z.int().min(5),
    newPatientOnly: z.boolean().describe('only for people the clinic has not seen before'),
  })
  .meta({ id: 'AppointmentType' });
export type AppointmentTypeDto = z.infer<typeof AppointmentTypeSchema>;

export const MAX_AVAILABILITY_DAYS = 62;

function countDaysInclusive(from: string, to: string): number {
  // ISO dates: whole days between two UTC midnights, without time zones or DST in play.
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const AvailabilityQuerySchema = z
  .object({
    appointmentType: AppointmentTypeSlugSchema,
    practitioner: z
      .union([RecordIdSchema, z.literal('any')])
      .default('any')
      .describe('a practitioner id, or `any` for the first available'),
    from: LocalDateSchema.describe('first local date in `tz`, inclusive'),
    to: LocalDateSchema.describe('last local date in `tz`, inclusive; at most 62 days after `from`'),
    tz: TimeZoneSchema.optional().describe("the visitor's time zone; default the clinic's"),
  })
  .superRefine((query, ctx) => {
    const days = countDaysInclusive(query.from, query.to);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' });
    if (days > MAX_AVAILABILITY_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `At most ${MAX_AVAILABILITY_DAYS} days at a time`,
      });
    }
  });
export type AvailabilityQuery = z.infer<typeof AvailabilityQuerySchema>;

export const SlotSchema = z
  .object({
    practitionerId: z.uuid(),
    start: z.string().describe('ISO 8601 with the UTC offset of `timeZone`'),
    end: z.string(),
    locationId: z.uuid(),
  })
  .meta({ id: 'Slot' });

export const AvailabilitySchema = z
  .object({ timeZone: z.string(), slots: z.array(SlotSchema) })
  .meta({ id: 'Availability' });
export type Availability = z.infer<typeof AvailabilitySchema>;

export const BookAppointmentRequestSchema = z
  .object({
    practitionerId: RecordIdSchema,
    appointmentType: AppointmentTypeSlugSchema,
    start: OffsetDateTimeSchema,
    patientId: RecordIdSchema.optional().describe(
      'staff only: the patient to book for; patients always book for themselves',
    ),
  })
  .meta({ id: 'BookAppointmentRequest' });
export type BookAppointmentRequest = z.infer<typeof BookAppointmentRequestSchema>;

export const AppointmentStatusSchema = z
  .enum(['booked', 'cancelled', 'completed', 'no-show'])
  .meta({ id: 'AppointmentStatus' });

export const AppointmentSchema = z
  .object({
    id: z.uuid(),
    status: AppointmentStatusSchema,
    practitionerId: z.uuid(),
    practitionerName: z.string(),
    appointmentType: z.string().describe('slug'),
    appointmentTypeName: z.string(),
    start: z.string().describe('ISO 8601 with the offset of the location time zone'),
    end: z.string(),
    timeZone: z.string().describe("the location's IANA time zone"),
    locationId: z.uuid(),
    patientId: z.uuid(),
    changeDeadline: z
      .string()
      .describe('patients may cancel or reschedule online until this instant (exclusive)'),
    cancellationReason: z.string().nullable(),
    sequence: z.int().min(0).describe('iCalendar SEQUENCE; rises with every change'),
    createdAt: z.string(),
  })
  .meta({ id: 'Appointment' });
export type AppointmentDto = z.infer<typeof AppointmentSchema>;

export const CancelAppointmentRequestSchema = z
  .object({
    reason: z.string().trim().max(500).optional().describe('required when staff cancel'),
  })
  .meta({ id: 'CancelAppointmentRequest' });
export type CancelAppointmentRequest = z.infer<typeof CancelAppointmentRequestSchema>;

export const RescheduleAppointmentRequestSchema = z
  .object({ start: OffsetDateTimeSchema })
  .meta({ id: 'RescheduleAppointmentRequest' });
export type RescheduleAppointmentRequest = z.infer<typeof RescheduleAppointmentRequestSchema>;

export const IdempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'Printable ASCII without spaces');
