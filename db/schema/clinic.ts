import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const locations = pgTable('locations', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  address: text().notNull(),
  phone: text().notNull(),
  // IANA zone; every wall-clock time of this location (working hours, overrides) is read in it.
  timeZone: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const practitioners = pgTable('practitioners', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid()
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'restrict' }),
  slug: text().notNull().unique(),
  displayName: text().notNull(),
  credentials: text().notNull(),
  bio: text().notNull(),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const appointmentTypes = pgTable(
  'appointment_types',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull(),
    durationMinutes: integer().notNull(),
    bufferBeforeMinutes: integer().notNull().default(0),
    bufferAfterMinutes: integer().notNull().default(0),
    newPatientOnly: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
  },
  (t) => [
    check('appointment_types_duration_check', sql`${t.durationMinutes} between 5 and 480`),
    check(
      'appointment_types_buffers_check',
      sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`,
    ),
  ],
);

export const practitionerAppointmentTypes = pgTable(
  'practitioner_appointment_types',
  {
    practitionerId: uuid()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    appointmentTypeId: uuid()
      .notNull()
      .references(() => appointmentTypes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.practitionerId, t.appointmentTypeId] })],
);

// Weekly pattern: several ranges a day are several rows (a lunch break is the gap between two).
export const workingHours = pgTable(
  'working_hours',
  {
    id: uuid().primaryKey().defaultRandom(),
    practitionerId: uuid()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    // ISO weekday: 1 = Monday … 7 = Sunday (Temporal's dayOfWeek).
    weekday: smallint().notNull(),
    startsAt: time().notNull(),
    endsAt: time().notNull(),
  },
  (t) => [
    index('working_hours_practitioner_idx').on(t.practitionerId, t.weekday),
    check('working_hours_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('working_hours_order_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

// A date override replaces the weekly pattern for one local date; a row with no times closes the day.
export const scheduleOverrides = pgTable(
  'schedule_overrides',
  {
    id: uuid().primaryKey().defaultRandom(),
    practitionerId: uuid()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    onDate: date().notNull(),
    startsAt: time(),
    endsAt: time(),
    note: text(),
  },
  (t) => [
    index('schedule_overrides_practitioner_date_idx').on(t.practitionerId, t.onDate),
    check(
      'schedule_overrides_times_check',
      sql`(${t.startsAt} is null and ${t.endsAt} is null) or (${t.startsAt} is not null and ${t.endsAt} > ${t.startsAt})`,
    ),
  ],
);

export const timeOff = pgTable(
  'time_off',
  {
    id: uuid().primaryKey().defaultRandom(),
    practitionerId: uuid()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'cascade' }),
    startAt: timestamp({ withTimezone: true }).notNull(),
    endAt: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('time_off_practitioner_range_idx').on(t.practitionerId, t.startAt, t.endAt),
    check('time_off_order_check', sql`${t.endAt} > ${t.startAt}`),
  ],
);

// One clinic-wide policy row ('default'); kept as a table so an admin can edit it.
export const bookingPolicies = pgTable(
  'booking_policies',
  {
    id: text().primaryKey(),
    minimumNoticeMinutes: integer().notNull(),
    maximumDaysAhead: integer().notNull(),
    cancellationWindowHours: integer().notNull(),
    slotIntervalMinutes: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('booking_policies_interval_check', sql`${t.slotIntervalMinutes} between 5 and 120`),
    check(
      'booking_policies_values_check',
      sql`${t.minimumNoticeMinutes} >= 0 and ${t.maximumDaysAhead} >= 1`,
    ),
  ],
);
