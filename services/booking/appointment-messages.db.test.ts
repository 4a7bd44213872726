import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, outboxMessages, patients } from '#db/schema/index.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import { type ClinicFixture, createClinicFixture } from '#tests/factories/clinic.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { queueAppointmentMessage } from './appointment-messages.ts';
import { findAppointmentRecord } from './appointment-view.ts';

let database: TestDatabase;
const clock = createTestClock('2026-11-25T12:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(() => database.close());

async function confirmationSubject(clinic: ClinicFixture, startAt: string): Promise<string> {
  const patientId = clinic.patientIds[0]!;
  await database.db.update(patients).set({ email: 'someone@test.test' }).where(eq(patients.id, patientId));
  const start = new Date(startAt);
  const [row] = await database.db
    .insert(appointments)
    .values({
      patientId,
      practitionerId: clinic.practitionerId,
      locationId: clinic.locationId,
      appointmentTypeId: clinic.appointmentTypeId,
      ...appointmentTimes(start, new Date(start.getTime() + 45 * 60_000)),
    })
    .returning({ id: appointments.id });
  const record = (await findAppointmentRecord(database.db, row!.id))!;
  const { config } = createTestServices(database, clock);
  await queueAppointmentMessage(database.db, config, record, 'confirmation', clock.now());
  const [message] = await database.db
    .select({ subject: outboxMessages.subject })
    .from(outboxMessages)
    .where(eq(outboxMessages.appointmentId, row!.id));
  return message!.subject;
}

describe('appointment messages', () => {
  it("state the start in each location's own time zone, one clinic after another", async () => {
    const newYork = await createClinicFixture(database.db, { timeZone: 'America/New_York' });
    const london = await createClinicFixture(database.db, { timeZone: 'Europe/London' });
    const at = '2026-12-01T15:00:00Z';
    expect(await confirmationSubject(newYork, at)).toContain('Tuesday, December 1, 2026 at 10:00 AM EST');
    expect(await confirmationSubject(london, at)).toContain('Tuesday, December 1, 2026 at 3:00 PM GMT');
    expect(await confirmationSubject(newYork, '2026-12-02T15:00:00Z')).toContain('10:00 AM EST');
  });
});
