import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments } from '#db/schema/index.ts';
import { sqlStateOf } from '#db/sql-state.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import { type ClinicFixture, createClinicFixture } from '#tests/factories/clinic.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';

let database: TestDatabase;
let clinic: ClinicFixture;

beforeAll(async () => {
  database = await openTestDatabase();
  clinic = await createClinicFixture(database.db);
});
afterAll(() => database?.close());

function appointmentAt(
  start: string,
  end: string,
  patient = 0,
  buffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
) {
  return {
    patientId: clinic.patientIds[patient]!,
    practitionerId: clinic.practitionerId,
    locationId: clinic.locationId,
    appointmentTypeId: clinic.appointmentTypeId,
    ...appointmentTimes(new Date(start), new Date(end), buffers),
  };
}

async function expectSqlState(work: Promise<unknown>, state: string) {
  const outcome = await work.then(
    () => 'inserted',
    (error: unknown) => sqlStateOf(error),
  );
  expect(outcome).toBe(state);
}

describe('the database refuses overlapping live appointments of one practitioner', () => {
  it('refuses a second appointment that overlaps the first (SQLSTATE 23P01)', async () => {
    await database.db
      .insert(appointments)
      .values(appointmentAt('2030-01-07T14:00:00Z', '2030-01-07T14:45:00Z'));
    await expectSqlState(
      database.db
        .insert(appointments)
        .values(appointmentAt('2030-01-07T14:30:00Z', '2030-01-07T15:15:00Z', 1)),
      '23P01',
    );
  });

  it('accepts an appointment that starts exactly when the previous one ends', async () => {
    await database.db
      .insert(appointments)
      .values(appointmentAt('2030-01-08T14:00:00Z', '2030-01-08T14:45:00Z'));
    await database.db
      .insert(appointments)
      .values(appointmentAt('2030-01-08T14:45:00Z', '2030-01-08T15:30:00Z', 1));
    const rows = await database.db
      .select()
      .from(appointments)
      .where(eq(appointments.practitionerId, clinic.practitionerId));
    expect(rows.filter((r) => r.startAt.toISOString().startsWith('2030-01-08'))).toHaveLength(2);
  });

  it('frees the time of a cancelled appointment', async () => {
    const [first] = await database.db
      .insert(appointments)
      .values(appointmentAt('2030-01-09T14:00:00Z', '2030-01-09T14:45:00Z'))
      .returning();
    await database.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, first!.id));
    await database.db
      .insert(appointments)
      .values(appointmentAt('2030-01-09T14:00:00Z', '2030-01-09T14:45:00Z', 1));
  });

  it('refuses to un-cancel an appointment whose time has been taken since', async () => {
    const [first] = await database.db
      .insert(appointments)
      .values({ ...appointmentAt('2030-01-10T14:00:00Z', '2030-01-10T14:45:00Z'), status: 'cancelled' })
      .returning();
    await database.db
      .insert(appointments)
      .values(appointmentAt('2030-01-10T14:15:00Z', '2030-01-10T15:00:00Z', 1));
    await expectSqlState(
      database.db.update(appointments).set({ status: 'booked' }).where(eq(appointments.id, first!.id)),
      '23P01',
    );
  });

  it('lets two different practitioners be booked at the same time', async () => {
    const other = await createClinicFixture(database.db);
    await database.db
      .insert(appointments)
      .values(appointmentAt('2030-01-11T14:00:00Z', '2030-01-11T14:45:00Z'));
    // Another patient: one patient at two practitioners at once is refused by the patient's own
    // constraint (appointments-patient-no-overlap.db.test.ts).
    await database.db.insert(appointments).values({
      ...appointmentAt('2030-01-11T14:00:00Z', '2030-01-11T14:45:00Z', 1),
      practitionerId: other.practitionerId,
    });
  });

  it("keeps buffers apart too: a visit may not start inside another's clean-up time", async () => {
    const cleanUp = { bufferBeforeMinutes: 0, bufferAfterMinutes: 15 };
    await database.db
      .insert(appointments)
      .values(appointmentAt('2030-01-14T14:00:00Z', '2030-01-14T14:45:00Z', 0, cleanUp));
    // Busy until 15:00: a visit at 14:50 (no buffers of its own) overlaps the clean-up time.
    await expectSqlState(
      database.db
        .insert(appointments)
        .values(appointmentAt('2030-01-14T14:50:00Z', '2030-01-14T15:35:00Z', 1)),
      '23P01',
    );
    // A visit whose own preparation time reaches back into the clean-up time is refused as well.
    await expectSqlState(
      database.db.insert(appointments).values(
        appointmentAt('2030-01-14T15:05:00Z', '2030-01-14T15:50:00Z', 1, {
          bufferBeforeMinutes: 10,
          bufferAfterMinutes: 0,
        }),
      ),
      '23P01',
    );
    await database.db
      .insert(appointments)
      .values(appointmentAt('2030-01-14T15:00:00Z', '2030-01-14T15:45:00Z', 1));
  });

  it('refuses a busy time that does not cover the visit (SQLSTATE 23514)', async () => {
    await expectSqlState(
      database.db.insert(appointments).values({
        ...appointmentAt('2030-01-15T14:00:00Z', '2030-01-15T14:45:00Z'),
        busyUntil: new Date('2030-01-15T14:30:00Z'),
      }),
      '23514',
    );
  });

  it('refuses an appointment that ends before it starts', async () => {
    await expectSqlState(
      database.db.insert(appointments).values(appointmentAt('2030-01-12T15:00:00Z', '2030-01-12T14:00:00Z')),
      '23514',
    );
  });
});
