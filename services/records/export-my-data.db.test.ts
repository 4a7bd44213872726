import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, auditEvents, users, visitNotes } from '#db/schema/index.ts';
import type { Actor } from '#services/auth/actor.ts';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { cancelAppointment } from '#services/booking/change-appointment.ts';
import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import type { ServiceContext } from '#services/context.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { listMyAftercare } from './aftercare.ts';
import { exportMyData } from './export-my-data.ts';
import { saveIntakeStep } from './intake.ts';
import { completeQuestionnaire } from './questionnaires.ts';

// "Now" is Wednesday 2026-11-25 12:00 UTC; the demo clinic books Mon–Fri 09:00–17:00 New York time.
let database: TestDatabase;
let ctx: ServiceContext;
const clock = createTestClock('2026-11-25T12:00:00Z');

async function actorFor(email: string): Promise<Actor> {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, role: 'patient' };
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  await loadDemoData(ctx);
});
afterAll(() => database?.close());

describe('exportMyData', () => {
  it('gathers the patient’s own account, appointments with their history, intake and questionnaires, and audits the export', async () => {
    const me = await actorFor('patient6@demo.test');
    const someoneElse = await actorFor('patient7@demo.test');
    const [practitioner] = await listPractitioners(ctx);
    const booked = await bookAppointment(ctx, me, {
      practitionerId: practitioner!.id,
      appointmentType: 'follow-up',
      start: '2026-12-02T10:00:00-05:00',
    });
    await cancelAppointment(ctx, me, booked.body.id, 'Feeling better');
    await bookAppointment(ctx, someoneElse, {
      practitionerId: practitioner!.id,
      appointmentType: 'follow-up',
      start: '2026-12-02T14:00:00-05:00',
    });
    await saveIntakeStep(ctx, me, 'health', { medicines: 'Ibuprofen' });
    await saveIntakeStep(ctx, someoneElse, 'health', { medicines: 'Something else entirely' });
    await completeQuestionnaire(ctx, me, 'nprs', { nprs: 6 });

    const data = await exportMyData(ctx, me);
    expect(data.format).toBe('backpoint-patient-export/1');
    expect(data.account).toMatchObject({ email: 'patient6@demo.test' });
    expect(data.patient).toMatchObject({ givenName: 'Hannah', familyName: 'Kowalski' });
    expect(data.appointments).toHaveLength(1);
    expect(data.appointments[0]).toMatchObject({ status: 'cancelled', start: '2026-12-02T10:00:00-05:00' });
    expect(data.appointments[0]!.history.map((h) => h.change)).toEqual(['booked', 'cancelled']);
    expect(data.intakeForm).toMatchObject({
      status: 'draft',
      answers: { health: { medicines: 'Ibuprofen' } },
    });
    expect(data.questionnaireResponses).toEqual([expect.objectContaining({ instrument: 'nprs', score: 6 })]);
    expect(data.visitNotes).toEqual([]);
    const text = JSON.stringify(data);
    expect(text).not.toContain('Something else entirely');
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('argon2');

    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'patient.export'), eq(auditEvents.actorUserId, me.userId)));
    expect(audit).toHaveLength(1);
  });

  it('refuses staff, who have no records of their own here', async () => {
    const [admin] = await database.db.select().from(users).where(eq(users.email, 'admin@demo.test'));
    await expect(exportMyData(ctx, { userId: admin!.id, role: 'admin' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it('shows a patient the aftercare of signed notes only, and exports those notes but not drafts', async () => {
    const me = await actorFor('patient8@demo.test');
    const [practitioner] = await listPractitioners(ctx);
    const first = await bookAppointment(ctx, me, {
      practitionerId: practitioner!.id,
      appointmentType: 'follow-up',
      start: '2026-12-03T09:00:00-05:00',
    });
    const second = await bookAppointment(ctx, me, {
      practitionerId: practitioner!.id,
      appointmentType: 'follow-up',
      start: '2026-12-04T09:00:00-05:00',
    });
    const [own] = await database.db.select().from(appointments).where(eq(appointments.id, first.body.id));
    const [pracUser] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, 'practitioner1@demo.test'));
    const now = clock.now();
    const note = {
      patientId: own!.patientId,
      practitionerId: practitioner!.id,
      createdAt: now,
      updatedAt: now,
    };
    await database.db.insert(visitNotes).values([
      {
        ...note,
        appointmentId: first.body.id,
        status: 'signed',
        aftercare: 'Drink water and rest this evening.',
        needlesIn: 8,
        needlesOut: 8,
        signedAt: now,
        signedByUserId: pracUser!.id,
      },
      { ...note, appointmentId: second.body.id, status: 'draft', aftercare: 'Still being written.' },
    ]);
    const aftercare = await listMyAftercare(ctx, me);
    expect([...aftercare.entries()]).toEqual([[first.body.id, 'Drink water and rest this evening.']]);
    const exported = await exportMyData(ctx, me);
    expect(exported.visitNotes).toEqual([
      expect.objectContaining({
        appointmentId: first.body.id,
        aftercare: 'Drink water and rest this evening.',
      }),
    ]);
    expect(JSON.stringify(exported)).not.toContain('Still being written.');
  });
});
