import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, appointmentTypes } from '#db/schema/index.ts';
import { type ClinicFixture, createClinicFixture } from '#tests/factories/clinic.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { loadSchedulingData } from './scheduling-data.ts';

let database: TestDatabase;
let clinic: ClinicFixture;

beforeAll(async () => {
  database = await openTestDatabase();
  clinic = await createClinicFixture(database.db);
  await database.db
    .update(appointmentTypes)
    .set({ bufferBeforeMinutes: 10, bufferAfterMinutes: 15 })
    .where(eq(appointmentTypes.id, clinic.appointmentTypeId));
  await database.db.insert(appointments).values([
    {
      patientId: clinic.patientIds[0]!,
      practitionerId: clinic.practitionerId,
      locationId: clinic.locationId,
      appointmentTypeId: clinic.appointmentTypeId,
      startAt: new Date('2026-12-01T15:00:00Z'),
      endAt: new Date('2026-12-01T15:45:00Z'),
    },
    {
      patientId: clinic.patientIds[1]!,
      practitionerId: clinic.practitionerId,
      locationId: clinic.locationId,
      appointmentTypeId: clinic.appointmentTypeId,
      startAt: new Date('2026-12-01T17:00:00Z'),
      endAt: new Date('2026-12-01T17:45:00Z'),
      status: 'cancelled',
    },
  ]);
});

afterAll(() => database.close());

describe('loadSchedulingData', () => {
  it("widens each live appointment by its type's buffers and leaves cancelled ones out", async () => {
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
