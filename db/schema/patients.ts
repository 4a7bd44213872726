import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

// A patient record may exist without an account (booked by staff on the phone); a patient
// account always has exactly one record.
export const patients = pgTable('patients', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid()
    .unique()
    .references(() => users.id, { onDelete: 'set null' }),
  givenName: text().notNull(),
  familyName: text().notNull(),
  dateOfBirth: date(),
  sex: text({ enum: ['female', 'male', 'other', 'unknown'] })
    .notNull()
    .default('unknown'),
  email: text(),
  phone: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
