import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appointmentTypes, locations, practitioners } from './clinic.ts';
import { patients } from './patients.ts';
import { users } from './users.ts';

export const appointmentStatus = pgEnum('appointment_status', [
  'booked',
  'cancelled',
  'completed',
  'no-show',
]);

// The rule "never two live appointments of one practitioner whose busy times overlap" is an
// exclusion constraint on `busy_from`/`busy_until`, added by hand in migration 0010 (btree_gist;
// drizzle-kit cannot express it; docs/decisions/009). "A patient cannot be in two places at once"
// is a second one, `appointments_patient_no_overlap`, on the visit times (migration 0012,
// docs/decisions/011).
export const appointments = pgTable(
  'appointments',
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    practitionerId: uuid()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'restrict' }),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    appointmentTypeId: uuid()
      .notNull()
      .references(() => appointmentTypes.id, { onDelete: 'restrict' }),
    startAt: timestamp({ withTimezone: true }).notNull(),
    endAt: timestamp({ withTimezone: true }).notNull(),
    // The time the appointment keeps its practitioner busy: the visit widened by its type's buffers
    // as they were when it was booked or moved. Stored so the exclusion constraint can enforce
    // buffers too, with no lock (docs/decisions/009).
    busyFrom: timestamp({ withTimezone: true }).notNull(),
    busyUntil: timestamp({ withTimezone: true }).notNull(),
    status: appointmentStatus().notNull().default('booked'),
    // True only on live appointments that already overlapped an earlier-booked live appointment of
    // the same patient when migration 0012 added the patient-side constraint, which leaves these rows
    // out so that it could be added without touching a visit. Never set by the application; a
    // reschedule clears it (the new time is held to the rule). docs/decisions/011.
    patientOverlapExempt: boolean().notNull().default(false),
    cancellationReason: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    // iCalendar SEQUENCE: raised on every change the patient's calendar must pick up (RFC 5545).
    sequence: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_practitioner_start_idx').on(t.practitionerId, t.startAt),
    index('appointments_patient_start_idx').on(t.patientId, t.startAt),
    check('appointments_order_check', sql`${t.endAt} > ${t.startAt}`),
    check(
      'appointments_busy_covers_visit_check',
      sql`${t.busyFrom} <= ${t.startAt} and ${t.busyUntil} >= ${t.endAt}`,
    ),
  ],
);
