import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appointments } from './appointments.ts';
import { users } from './users.ts';

// Every change of an appointment, in order: the status history CONTRACT.md asks to keep
// (booked, rescheduled, cancelled, completed, no-show) with who did it and why.
export const appointmentChanges = pgTable(
  'appointment_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    appointmentId: uuid()
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    change: text({ enum: ['booked', 'rescheduled', 'cancelled', 'completed', 'no-show'] }).notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    reason: text(),
    previousStartAt: timestamp({ withTimezone: true }),
    startAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('appointment_changes_appointment_idx').on(t.appointmentId, t.at)],
);

// Idempotency-Key (CONTRACT.md §4): the first response to a key is kept and replayed for the same
// body; a different body under the same key is refused. Keyed per user so keys cannot collide.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    requestHash: text().notNull(),
    statusCode: integer().notNull(),
    response: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

// The outbox: messages written in the same transaction as the booking change that causes them,
// sent later by the mail worker. `failed` with a `nextAttemptAt` is waiting for a retry; `failed`
// without one has given up. `superseded` messages were made pointless by a later change (a
// reminder for a time that was moved) and are never sent.
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    // `account`: email verification and password reset links (no appointment). A text enum, so a
    // new value needs no migration.
    kind: text({ enum: ['confirmation', 'change', 'cancellation', 'reminder', 'account'] }).notNull(),
    appointmentId: uuid().references(() => appointments.id, { onDelete: 'cascade' }),
    // One message per cause: a retried transaction or a second worker cannot queue it twice.
    dedupeKey: text().notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    calendarFile: text(),
    calendarMethod: text({ enum: ['REQUEST', 'CANCEL'] }),
    status: text({ enum: ['queued', 'sending', 'sent', 'failed', 'superseded'] })
      .notNull()
      .default('queued'),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(6),
    nextAttemptAt: timestamp({ withTimezone: true }),
    lockedUntil: timestamp({ withTimezone: true }),
    lockedBy: text(),
    lastError: text(),
    transport: text({ enum: ['smtp', 'stored'] }),
    rawMessage: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('outbox_messages_dedupe_idx').on(t.dedupeKey),
    index('outbox_messages_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_messages_appointment_idx').on(t.appointmentId),
    check('outbox_messages_attempts_check', sql`${t.attempts} >= 0 and ${t.maxAttempts} >= 1`),
  ],
);
