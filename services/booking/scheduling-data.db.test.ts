import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, appointmentTypes } from '#db/schema/index.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import { type ClinicFixture, createClinicFixture } from '#tests/factories/clinic.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { loadSchedulingData } from './scheduling-data.ts';

let database: TestDatabase;
let clinic: ClinicFixture;

beforeAll(async () => {
  database = await openTestDatabase();
  clinic = await createClinicFixture(database.db);
  const bookedWith = { bufferBeforeMinutes: 10, bufferAfterMinutes: 15 };
  await database.db.insert(appointments).values([
    {
      patientId: clinic.patientIds[0]!,
      practitionerId: clinic.practitionerId,
      locationId: clinic.locationId,
      appointmentTypeId: clinic.appointmentTypeId,
      ...appointmentTimes(new Date('2026-12-01T15:00:00Z'), new Date('2026-12-01T15:45:00Z'), bookedWith),
    },
    {
      patientId: clinic.patientIds[1]!,
      practitionerId: clinic.practitionerId,
      locationId: clinic.locationId,
      appointmentTypeId: clinic.appointmentTypeId,
      ...appointmentTimes(new Date('2026-12-01T17:00:00Z'), new Date('2026-12-01T17:45:00Z')),
      status: 'cancelled',
    },
  ]);
  // Buffers changed after booking do not move existing appointments' busy times.
  await database.db
    .update(appointmentTypes)
    .set({ bufferBeforeMinutes: 30, bufferAfterMinutes: 0 })
    .where(eq(appointmentTypes.id, clinic.appointmentTypeId));
});

afterAll(() => database.close());

describe('loadSchedulingData', () => {
  it("gives each live appointment's busy time with the buffers it was booked with, and leaves cancelled ones out", async () => {
    const data = await loadSchedulingData(
      database.db,
      [clinic.practitionerId],
      Temporal.Instant.from('2026-12-01T05:00:00Z'),
      Temporal.Instant.from('2026-12-02T05:00:00Z'),
    );
    expect(data.busy.map((b) => [b.practitionerId, b.start.toString(), b.end.toString()])).toEqual([
      [clinic.practitionerId, '2026-12-01T14:50:00Z', '2026-12-01T16:00:00Z'],
    ]);
  });
});
