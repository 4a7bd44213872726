import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients, practitioners, users } from '#db/schema/index.ts';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import {
  findPatientRelation,
  PATIENT_POLICY,
  type PatientAction,
  requirePatientAccess,
} from './access-policy.ts';
import type { Actor } from './actor.ts';

let database: TestDatabase;
const clock = createTestClock('2026-11-25T12:00:00Z');
const actors: Record<string, Actor> = {};
let treatedPatientId: string;
let otherPatientId: string;

async function actorFor(email: string): Promise<Actor> {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  return { userId: user!.id, role: user!.role };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const ctx = createTestServices(database, clock);
  await loadDemoData(ctx);
  for (const name of ['patient11', 'patient12', 'practitioner2', 'practitioner3', 'admin']) {
    actors[name] = await actorFor(`${name}@demo.test`);
  }
  const [p11] = await database.db
    .select()
    .from(patients)
    .where(eq(patients.userId, actors.patient11!.userId));
  const [p12] = await database.db
    .select()
    .from(patients)
    .where(eq(patients.userId, actors.patient12!.userId));
  treatedPatientId = p11!.id;
  otherPatientId = p12!.id;
  const [prac2] = await database.db
    .select()
    .from(practitioners)
    .where(eq(practitioners.userId, actors.practitioner2!.userId));
  // practitioner2 treats patient11 (an appointment links them); practitioner3 treats no one here.
  await bookAppointment(ctx, actors.patient11!, {
    practitionerId: prac2!.id,
    appointmentType: 'maintenance',
    start: '2026-12-09T16:00:00-05:00',
  });
});
afterAll(() => database?.close());

describe('the access policy', () => {
  it.each([
    ['patient11', 'self'],
    ['patient12', 'none'],
    ['practitioner2', 'treating-practitioner'],
    ['practitioner3', 'none'],
    ['admin', 'clinic-admin'],
  ])('sees %s as %s to patient11', async (name, relation) => {
    expect(await findPatientRelation(database.db, actors[name]!, treatedPatientId)).toBe(relation);
  });

  it('treats a malformed or unknown patient id as no relation', async () => {
    expect(await findPatientRelation(database.db, actors.admin!, 'not-a-uuid')).toBe('none');
    expect(
      await findPatientRelation(database.db, actors.admin!, '00000000-0000-4000-8000-000000000000'),
    ).toBe('none');
  });

  const cases = Object.keys(PATIENT_POLICY).flatMap((action) =>
    ['patient11', 'patient12', 'practitioner2', 'practitioner3', 'admin'].map(
      (who) => [action, who] as const,
    ),
  );
  it.each(cases)('%s by %s follows the policy table, refusing with not_found', async (action, who) => {
    const relation = await findPatientRelation(database.db, actors[who]!, treatedPatientId);
    const expected = PATIENT_POLICY[action as PatientAction].includes(relation);
    const outcome = await requirePatientAccess(
      database.db,
      actors[who]!,
      treatedPatientId,
      action as PatientAction,
    ).then(
      () => 'allowed',
      (error: { code?: string }) => error.code,
    );
    expect(outcome).toBe(expected ? 'allowed' : 'not_found');
  });

  it('keeps clinical records from admins and other patients, and writing to treating practitioners', () => {
    expect(PATIENT_POLICY['read-clinical']).toEqual(['self', 'treating-practitioner']);
    expect(PATIENT_POLICY['write-clinical']).toEqual(['treating-practitioner']);
    expect(otherPatientId).not.toBe(treatedPatientId);
  });
});
