import { randomUUID } from 'node:crypto';
import type { Database } from '#db/client.server.ts';
import {
  appointmentTypes,
  bookingPolicies,
  locations,
  patients,
  practitionerAppointmentTypes,
  practitioners,
  users,
} from '#db/schema/index.ts';

export type ClinicFixture = {
  locationId: string;
  practitionerId: string;
  practitionerUserId: string;
  appointmentTypeId: string;
  patientIds: string[];
};

/**
 * A small clinic of its own for one test (one location, one practitioner, one 45-minute
 * type, two patients) with random ids, so tests never depend on each other's rows.
 */
export async function createClinicFixture(
  db: Database,
  overrides: { timeZone?: string } = {},
): Promise<ClinicFixture> {
  const tag = randomUUID().slice(0, 8);
  const [location] = await db
    .insert(locations)
    .values({
      slug: `loc-${tag}`,
      name: `Test clinic ${tag}`,
      address: '1 Test Street',
      phone: '+1 212 555 0000',
      timeZone: overrides.timeZone ?? 'America/New_York',
    })
    .returning();
  const [pracUser] = await db
    .insert(users)
    .values({
      email: `prac-${tag}@test.test`,
      passwordHash: 'x',
      role: 'practitioner',
      displayName: `Prac ${tag}`,
    })
    .returning();
  const [practitioner] = await db
    .insert(practitioners)
    .values({
      userId: pracUser!.id,
      slug: `prac-${tag}`,
      displayName: `Prac ${tag}`,
      credentials: 'L.Ac.',
      bio: '',
    })
    .returning();
  const [type] = await db
    .insert(appointmentTypes)
    .values({ slug: `type-${tag}`, name: 'Follow-up', description: '', durationMinutes: 45 })
    .returning();
  await db
    .insert(practitionerAppointmentTypes)
    .values({ practitionerId: practitioner!.id, appointmentTypeId: type!.id });
  const patientRows = await db
    .insert(patients)
    .values([
      { givenName: 'Test', familyName: `One ${tag}` },
      { givenName: 'Test', familyName: `Two ${tag}` },
    ])
    .returning({ id: patients.id });
  return {
    locationId: location!.id,
    practitionerId: practitioner!.id,
    practitionerUserId: pracUser!.id,
    appointmentTypeId: type!.id,
    patientIds: patientRows.map((p) => p.id),
  };
}

/**
 * The clinic's booking policy row as migrations and seeding leave it (a day's notice, 180 days
 * ahead, 24 hours to change online, a 15-minute grid), for tests whose services read it (signing a
 * note, cancelling, clinic administration). Leaves an existing row alone.
 */
export async function ensureDefaultBookingPolicy(db: Database): Promise<void> {
  await db
    .insert(bookingPolicies)
    .values({
      id: 'default',
      minimumNoticeMinutes: 1440,
      maximumDaysAhead: 180,
      cancellationWindowHours: 24,
      slotIntervalMinutes: 15,
    })
    .onConflictDoNothing();
}
