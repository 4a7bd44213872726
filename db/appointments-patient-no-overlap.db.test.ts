import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments } from '#db/schema/index.ts';
import { constraintOf, sqlStateOf } from '#db/sql-state.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import { type ClinicFixture, createClinicFixture } from '#tests/factories/clinic.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';

// "A patient cannot be in two places at once", kept by the database itself (migration 0012,
// docs/decisions/011): the exclusion constraint appointments_patient_no_overlap on the visit times
// of one patient's live appointments, whichever practitioners they are with.

let database: TestDatabase;
let clinic: ClinicFixture;
let otherPractitionerId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  clinic = await createClinicFixture(database.db);
  otherPractitionerId = (await createClinicFixture(database.db)).practitionerId;
});
afterAll(() => database?.close());

function visit(
  start: string,
  end: string,
  options: {
    patient?: number;
    practitionerId?: string;
    buffers?: { bufferBeforeMinutes: number; bufferAfterMinutes: number };
  } = {},
) {
  return {
    patientId: clinic.patientIds[options.patient ?? 0]!,
    practitionerId: options.practitionerId ?? clinic.practitionerId,
    locationId: clinic.locationId,
    appointmentTypeId: clinic.appointmentTypeId,
    ...appointmentTimes(new Date(start), new Date(end), options.buffers),
  };
}

/** The SQLSTATE and constraint a write failed with, or 'written'. */
async function outcomeOf(work: Promise<unknown>) {
  return work.then(
    () => 'written',
    (error: unknown) => ({ state: sqlStateOf(error), constraint: constraintOf(error) }),
  );
}

const REFUSED_FOR_THE_PATIENT = { state: '23P01', constraint: 'appointments_patient_no_overlap' };

describe('the database refuses overlapping live appointments of one patient', () => {
  it('refuses an overlapping visit of the same patient with another practitioner', async () => {
    await database.db.insert(appointments).values(visit('2030-02-04T14:00:00Z', '2030-02-04T14:45:00Z'));
    expect(
      await outcomeOf(
        database.db
          .insert(appointments)
          .values(
            visit('2030-02-04T14:30:00Z', '2030-02-04T15:15:00Z', { practitionerId: otherPractitionerId }),
          ),
      ),
    ).toEqual(REFUSED_FOR_THE_PATIENT);
    // Exactly the same time is refused as well.
    expect(
      await outcomeOf(
        database.db
          .insert(appointments)
          .values(
            visit('2030-02-04T14:00:00Z', '2030-02-04T14:45:00Z', { practitionerId: otherPractitionerId }),
          ),
      ),
    ).toEqual(REFUSED_FOR_THE_PATIENT);
  });

  it('lets another patient be seen by the other practitioner at that time', async () => {
    await database.db.insert(appointments).values(visit('2030-02-05T14:00:00Z', '2030-02-05T14:45:00Z'));
    await database.db.insert(appointments).values(
      visit('2030-02-05T14:00:00Z', '2030-02-05T14:45:00Z', {
        patient: 1,
        practitionerId: otherPractitionerId,
      }),
    );
  });

  it('accepts a visit that starts exactly when the patient’s previous one ends', async () => {
    await database.db.insert(appointments).values(visit('2030-02-06T14:00:00Z', '2030-02-06T14:45:00Z'));
    expect(
      await outcomeOf(
        database.db
          .insert(appointments)
          .values(
            visit('2030-02-06T14:45:00Z', '2030-02-06T15:30:00Z', { practitionerId: otherPractitionerId }),
          ),
      ),
    ).toBe('written');
  });

  it("counts the visit only, not the practitioner's buffers", async () => {
    // Busy 13:45–15:00 for its practitioner, but the patient is there 14:00–14:45 only.
    await database.db.insert(appointments).values(
      visit('2030-02-07T14:00:00Z', '2030-02-07T14:45:00Z', {
        buffers: { bufferBeforeMinutes: 15, bufferAfterMinutes: 15 },
      }),
    );
    expect(
      await outcomeOf(
        database.db
          .insert(appointments)
          .values(
            visit('2030-02-07T14:45:00Z', '2030-02-07T15:30:00Z', { practitionerId: otherPractitionerId }),
          ),
      ),
    ).toBe('written');
  });

  it('lets a cancelled visit free the patient’s time', async () => {
    const [first] = await database.db
      .insert(appointments)
      .values(visit('2030-02-08T14:00:00Z', '2030-02-08T14:45:00Z'))
      .returning();
    await database.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, first!.id));
    expect(
      await outcomeOf(
        database.db
          .insert(appointments)
          .values(
            visit('2030-02-08T14:15:00Z', '2030-02-08T15:00:00Z', { practitionerId: otherPractitionerId }),
          ),
      ),
    ).toBe('written');
  });

  it('keeps completed and no-show visits in the patient’s diary', async () => {
    for (const [day, status] of [
      ['2030-02-11', 'completed'],
      ['2030-02-12', 'no-show'],
    ] as const) {
      await database.db
        .insert(appointments)
        .values({ ...visit(`${day}T14:00:00Z`, `${day}T14:45:00Z`), status });
      expect(
        await outcomeOf(
          database.db
            .insert(appointments)
            .values(visit(`${day}T14:15:00Z`, `${day}T15:00:00Z`, { practitionerId: otherPractitionerId })),
        ),
      ).toEqual(REFUSED_FOR_THE_PATIENT);
    }
  });

  it('refuses to move a visit onto another of the same patient (an UPDATE)', async () => {
    await database.db.insert(appointments).values(visit('2030-02-13T14:00:00Z', '2030-02-13T14:45:00Z'));
    const [second] = await database.db
      .insert(appointments)
      .values(visit('2030-02-13T16:00:00Z', '2030-02-13T16:45:00Z', { practitionerId: otherPractitionerId }))
      .returning();
    expect(
      await outcomeOf(
        database.db
          .update(appointments)
          .set(appointmentTimes(new Date('2030-02-13T14:30:00Z'), new Date('2030-02-13T15:15:00Z')))
          .where(eq(appointments.id, second!.id)),
      ),
    ).toEqual(REFUSED_FOR_THE_PATIENT);
  });

  it('leaves out a double booking kept from before the rule (patient_overlap_exempt)', async () => {
    // Only migration 0012 sets the mark; here it is set by hand to show what the constraint skips.
    await database.db.insert(appointments).values(visit('2030-02-14T14:00:00Z', '2030-02-14T14:45:00Z'));
    const kept = {
      ...visit('2030-02-14T14:00:00Z', '2030-02-14T14:45:00Z', { practitionerId: otherPractitionerId }),
      patientOverlapExempt: true,
    };
    expect(await outcomeOf(database.db.insert(appointments).values(kept))).toBe('written');
  });
});
