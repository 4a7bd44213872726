import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SAFETY_INTAKE, type SafetyIntake } from '#core/clinical/safety/index.ts';
import {
  adverseEvents,
  appointments,
  auditEvents,
  chartedPoints,
  intakeForms,
  noteAddenda,
  patients,
  practitioners,
  users,
  visitNotes,
} from '#db/schema/index.ts';
import type { Actor } from '#services/auth/actor.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import type { ServiceContext } from '#services/context.ts';
import {
  type ClinicFixture,
  createClinicFixture,
  ensureDefaultBookingPolicy,
} from '#tests/factories/clinic.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import {
  addChartedPoint,
  copyPointsFromLastVisit,
  recordAdverseEvent,
  removeChartedPoint,
} from './charted-points.ts';
import { loadPatientChart } from './patient-chart.ts';
import { NO_SAFETY_SCREEN } from './patient-safety.ts';
import { createTreatmentCourse, endTreatmentCourse } from './treatment-courses.ts';
import {
  addNoteAddendum,
  findVisitNoteForAppointment,
  saveVisitNoteDraft,
  signVisitNote,
} from './visit-notes.ts';

// Issue 7: the visit note is saved against an optimistic version, checked against the patient's
// safety screen before points are saved, signed only when every needle is out, and locked for
// good once signed — by the service and by the database's own triggers.

let database: TestDatabase;
let ctx: ServiceContext;
let clinic: ClinicFixture;
let me: Actor;
let colleague: Actor;
let colleaguePractitionerId: string;
const clock = createTestClock('2026-11-25T16:00:00Z');
let slot = 0;

const draft = (version: number, extra: Record<string, unknown> = {}) => ({
  version,
  subjective: 'Low back ache, worse after sitting.',
  objective: 'Flexion limited to knee level.',
  assessment: 'Non-specific low back pain, improving.',
  plan: 'Acupuncture weekly; walking daily.',
  aftercare: '',
  painScore: 5,
  ...extra,
});

const point = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  side: 'bilateral' as const,
  technique: 'acupuncture' as const,
  stimulation: 'even' as const,
  depthMm: 25,
  retentionMinutes: 20,
  note: '',
  ...extra,
});

async function givePatientIntake(patientId: string, intake: SafetyIntake | null) {
  await database.db
    .insert(intakeForms)
    .values({
      patientId,
      status: 'submitted',
      safetyIntake: intake,
      submittedAt: clock.now(),
      createdAt: clock.now(),
      updatedAt: clock.now(),
    })
    .onConflictDoUpdate({ target: intakeForms.patientId, set: { safetyIntake: intake } });
}

/** A patient of the fixture's practitioner with one appointment today; returns the appointment id. */
async function bookVisit(
  intake: SafetyIntake | null = EMPTY_SAFETY_INTAKE,
  patientId?: string,
  practitionerId: string = clinic.practitionerId,
) {
  const [patient] = patientId
    ? [{ id: patientId }]
    : await database.db
        .insert(patients)
        .values({ givenName: 'Test', familyName: `Patient ${slot}` })
        .returning({ id: patients.id });
  if (!patientId) await givePatientIntake(patient!.id, intake);
  slot += 1;
  const startAt = new Date(Date.UTC(2026, 10, 25, 14) + slot * 3_600_000);
  const [appointment] = await database.db
    .insert(appointments)
    .values({
      patientId: patient!.id,
      practitionerId,
      locationId: clinic.locationId,
      appointmentTypeId: clinic.appointmentTypeId,
      ...appointmentTimes(startAt, new Date(startAt.getTime() + 45 * 60_000)),
    })
    .returning({ id: appointments.id });
  return { appointmentId: appointment!.id, patientId: patient!.id };
}

/** The database's own error message of a statement that must fail (drizzle wraps it in `cause`). */
async function databaseMessage(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  }
  return 'the statement succeeded';
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  clinic = await createClinicFixture(database.db);
  await ensureDefaultBookingPolicy(database.db);
  me = { userId: clinic.practitionerUserId, role: 'practitioner' };
  const [user] = await database.db
    .insert(users)
    .values({
      email: `colleague-${Date.now()}@test.test`,
      passwordHash: 'x',
      role: 'practitioner',
      displayName: 'Colleague',
    })
    .returning();
  const [colleagueRow] = await database.db
    .insert(practitioners)
    .values({
      userId: user!.id,
      slug: `colleague-${Date.now()}`,
      displayName: 'Colleague',
      credentials: '',
      bio: '',
    })
    .returning();
  colleaguePractitionerId = colleagueRow!.id;
  colleague = { userId: user!.id, role: 'practitioner' };
});
afterAll(() => database?.close());

describe('saving the draft', () => {
  it('creates the note at version 1 and moves the version on with every save', async () => {
    const { appointmentId } = await bookVisit();
    const created = await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    expect(created.version).toBe(1);
    const saved = await saveVisitNoteDraft(ctx, me, appointmentId, draft(1, { plan: 'Add walking.' }));
    expect(saved).toEqual({ noteId: created.noteId, version: 2 });
    const note = await findVisitNoteForAppointment(ctx, me, appointmentId);
    expect(note).toMatchObject({ status: 'draft', plan: 'Add walking.', painScore: 5, version: 2 });
  });

  it('refuses a save from a stale version (another tab) with a conflict and keeps the newer text', async () => {
    const { appointmentId } = await bookVisit();
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(1, { subjective: 'Tab A' }));
    await expect(
      saveVisitNoteDraft(ctx, me, appointmentId, draft(1, { subjective: 'Tab B' })),
    ).rejects.toMatchObject({
      kind: 'conflict',
      code: 'version_conflict',
    });
    await expect(saveVisitNoteDraft(ctx, me, appointmentId, draft(0))).rejects.toMatchObject({
      code: 'version_conflict',
    });
    const note = await findVisitNoteForAppointment(ctx, me, appointmentId);
    expect(note?.subjective).toBe('Tab A');
  });

  it('lets only the treating practitioner write the note, and only practitioners who treat the patient read it', async () => {
    const { appointmentId, patientId } = await bookVisit();
    await expect(saveVisitNoteDraft(ctx, colleague, appointmentId, draft(0))).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'not_treating_practitioner',
    });
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    // A colleague who has never seen the patient gets "not found" (the access policy of issue 8)…
    await expect(findVisitNoteForAppointment(ctx, colleague, appointmentId)).rejects.toMatchObject({
      kind: 'not_found',
    });
    // …and may read it once the patient is theirs too, but still not write this visit's note.
    await bookVisit(null, patientId, colleaguePractitionerId);
    await expect(findVisitNoteForAppointment(ctx, colleague, appointmentId)).resolves.toMatchObject({
      version: 1,
    });
    await expect(saveVisitNoteDraft(ctx, colleague, appointmentId, draft(1))).rejects.toMatchObject({
      code: 'not_treating_practitioner',
    });
    for (const role of ['admin', 'patient'] as const) {
      await expect(
        findVisitNoteForAppointment(ctx, { userId: clinic.practitionerUserId, role }, appointmentId),
      ).rejects.toMatchObject({ kind: 'forbidden' });
    }
  });

  it('audits every read and write of the note', async () => {
    const { appointmentId, patientId } = await bookVisit();
    const { noteId } = await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    await bookVisit(null, patientId, colleaguePractitionerId);
    await findVisitNoteForAppointment(ctx, colleague, appointmentId);
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, noteId));
    expect(rows.map((r) => [r.action, r.actorUserId])).toEqual([
      ['visit_note.create', me.userId],
      ['visit_note.read', colleague.userId],
    ]);
  });
});

describe('charting points against the safety screen', () => {
  it('refuses a code that is not in the catalogue', async () => {
    const { appointmentId } = await bookVisit();
    const { noteId } = await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    await expect(addChartedPoint(ctx, me, noteId, point('BL99'))).rejects.toMatchObject({
      kind: 'invalid',
      code: 'unknown_point',
      fields: { code: expect.stringContaining('BL99') },
    });
  });

  it('saves a point with the canonical code and two needles for a bilateral point', async () => {
    const { appointmentId } = await bookVisit();
    const { noteId } = await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    const outcome = await addChartedPoint(ctx, me, noteId, point('bl-23'));
    expect(outcome.status).toBe('saved');
    const rows = await database.db.select().from(chartedPoints).where(eq(chartedPoints.noteId, noteId));
    expect(rows).toMatchObject([{ code: 'BL23', side: 'bilateral', needleCount: 2, position: 1 }]);
    await removeChartedPoint(ctx, me, noteId, rows[0]!.id);
    expect(await database.db.select().from(chartedPoints).where(eq(chartedPoints.noteId, noteId))).toEqual(
      [],
    );
  });

  it('asks for acknowledgement of a pregnancy caution before saving a lumbosacral point, then keeps it', async () => {
    const { appointmentId } = await bookVisit({ ...EMPTY_SAFETY_INTAKE, pregnancy: 'yes', trimester: 2 });
    const { noteId } = await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    const first = await addChartedPoint(ctx, me, noteId, point('BL23'));
    expect(first.status).toBe('needs-acknowledgement');
    expect(first.conflicts).toContainEqual(
      expect.objectContaining({ code: 'BL23', rule: 'pregnancy_points', severity: 'caution' }),
    );
    expect(await database.db.select().from(chartedPoints).where(eq(chartedPoints.noteId, noteId))).toEqual(
      [],
    );
    const second = await addChartedPoint(ctx, me, noteId, point('BL23'), ['pregnancy_points:BL23']);
    expect(second.status).toBe('saved');
    const [note] = await database.db.select().from(visitNotes).where(eq(visitNotes.id, noteId));
    expect(note!.acknowledgedCautions).toContain('pregnancy_points:BL23');
    // A point with no pregnancy caution goes straight in.
    expect((await addChartedPoint(ctx, me, noteId, point('GB34'))).status).toBe('saved');
  });

  it('refuses electroacupuncture for a patient with a pacemaker, but not manual needling', async () => {
    const { appointmentId } = await bookVisit({
      ...EMPTY_SAFETY_INTAKE,
      implants: [{ kind: 'pacemaker', regions: ['chest'] }],
    });
    const { noteId } = await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    const electro = await addChartedPoint(
      ctx,
      me,
      noteId,
      point('BL25', { technique: 'electroacupuncture', side: 'left', frequencyHz: 2, circuit: 'A' }),
      ['pacemaker_icd_electro:BL25'],
    );
    expect(electro.status).toBe('refused');
    expect(electro.conflicts).toContainEqual(
      expect.objectContaining({ rule: 'pacemaker_icd_electro', severity: 'contraindication' }),
    );
    expect(await database.db.select().from(chartedPoints).where(eq(chartedPoints.noteId, noteId))).toEqual(
      [],
    );
    expect((await addChartedPoint(ctx, me, noteId, point('BL25'))).status).toBe('saved');
  });

  it('refuses an electroacupuncture circuit that joins the left and right sides', async () => {
    const { appointmentId } = await bookVisit();
    const { noteId } = await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    const electro = { technique: 'electroacupuncture', frequencyHz: 2, circuit: 'A' };
    expect((await addChartedPoint(ctx, me, noteId, point('BL25', { ...electro, side: 'left' }))).status).toBe(
      'saved',
    );
    const across = await addChartedPoint(ctx, me, noteId, point('BL26', { ...electro, side: 'right' }));
    expect(across).toMatchObject({ status: 'refused' });
    expect(across.conflicts.map((c) => c.rule)).toContain('electro_across_midline');
  });

  it('copies the points of the last signed note forward', async () => {
    const first = await bookVisit();
    const { noteId } = await saveVisitNoteDraft(
      ctx,
      me,
      first.appointmentId,
      draft(0, { needlesIn: 4, needlesOut: 4 }),
    );
    await addChartedPoint(ctx, me, noteId, point('BL23'));
    await addChartedPoint(ctx, me, noteId, point('BL40'));
    await saveVisitNoteDraft(ctx, me, first.appointmentId, draft(1, { needlesIn: 4, needlesOut: 4 }));
    await signVisitNote(ctx, me, noteId, 2);
    const second = await bookVisit(null, first.patientId);
    const next = await saveVisitNoteDraft(ctx, me, second.appointmentId, draft(0));
    const copied = await copyPointsFromLastVisit(ctx, me, next.noteId);
    expect(copied).toMatchObject({ status: 'saved', fromNoteId: noteId });
    const rows = await database.db.select().from(chartedPoints).where(eq(chartedPoints.noteId, next.noteId));
    expect(rows.map((r) => r.code).sort()).toEqual(['BL23', 'BL40']);
  });
});

describe('signing and locking', () => {
  async function readyNote(intake: SafetyIntake | null = EMPTY_SAFETY_INTAKE) {
    const { appointmentId, patientId } = await bookVisit(intake);
    const { noteId } = await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    await addChartedPoint(ctx, me, noteId, point('BL23'));
    return { appointmentId, noteId, patientId };
  }

  it('refuses to sign without a needle count, and while a needle that went in has not come out', async () => {
    const { appointmentId, noteId } = await readyNote();
    await expect(signVisitNote(ctx, me, noteId, 1)).rejects.toMatchObject({
      kind: 'business_rule',
      code: 'needle_count_missing',
    });
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(1, { needlesIn: 2, needlesOut: 1 }));
    await expect(signVisitNote(ctx, me, noteId, 2)).rejects.toMatchObject({
      code: 'needle_count_mismatch',
      fields: { needlesOut: expect.any(String) },
    });
    const [note] = await database.db.select().from(visitNotes).where(eq(visitNotes.id, noteId));
    expect(note!.status).toBe('draft');
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(2, { needlesIn: 2, needlesOut: 2 }));
    await expect(signVisitNote(ctx, me, noteId, 3)).resolves.toEqual({ version: 4 });
  });

  it('refuses to sign from a stale version', async () => {
    const { appointmentId, noteId } = await readyNote();
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(1, { needlesIn: 2, needlesOut: 2 }));
    await expect(signVisitNote(ctx, me, noteId, 1)).rejects.toMatchObject({ code: 'version_conflict' });
  });

  it('refuses to sign until the safety-screen cautions (or a missing screen) are acknowledged', async () => {
    const { appointmentId } = await bookVisit({ ...EMPTY_SAFETY_INTAKE, pregnancy: 'yes', trimester: 2 });
    const { noteId } = await saveVisitNoteDraft(ctx, me, appointmentId, draft(0));
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(1, { needlesIn: 0, needlesOut: 0 }));
    await expect(signVisitNote(ctx, me, noteId, 2)).rejects.toMatchObject({
      code: 'cautions_not_acknowledged',
      fields: { 'acknowledge.pregnancy': expect.any(String) },
    });
    await saveVisitNoteDraft(
      ctx,
      me,
      appointmentId,
      draft(2, { needlesIn: 0, needlesOut: 0, acknowledge: ['pregnancy'] }),
    );
    await expect(signVisitNote(ctx, me, noteId, 3)).resolves.toEqual({ version: 4 });

    const unscreened = await bookVisit(null);
    const other = await saveVisitNoteDraft(
      ctx,
      me,
      unscreened.appointmentId,
      draft(0, { needlesIn: 0, needlesOut: 0 }),
    );
    await expect(signVisitNote(ctx, me, other.noteId, 1)).rejects.toMatchObject({
      fields: { [`acknowledge.${NO_SAFETY_SCREEN}`]: expect.any(String) },
    });
  });

  it('locks a signed note in the service: no saving, charting or removing, but addenda with their author', async () => {
    const { appointmentId, noteId, patientId } = await readyNote();
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(1, { needlesIn: 2, needlesOut: 2 }));
    await signVisitNote(ctx, me, noteId, 2);
    await expect(saveVisitNoteDraft(ctx, me, appointmentId, draft(3))).rejects.toMatchObject({
      code: 'note_signed',
    });
    await expect(addChartedPoint(ctx, me, noteId, point('BL40'))).rejects.toMatchObject({
      code: 'note_signed',
    });
    const [existing] = await database.db.select().from(chartedPoints).where(eq(chartedPoints.noteId, noteId));
    await expect(removeChartedPoint(ctx, me, noteId, existing!.id)).rejects.toMatchObject({
      code: 'note_signed',
    });
    await expect(signVisitNote(ctx, me, noteId, 3)).rejects.toMatchObject({ code: 'note_signed' });

    await expect(addNoteAddendum(ctx, colleague, noteId, 'x')).rejects.toMatchObject({ kind: 'not_found' });
    await bookVisit(null, patientId, colleaguePractitionerId);
    await addNoteAddendum(ctx, colleague, noteId, 'Patient phoned: mild bruising at BL23, settled.');
    await recordAdverseEvent(ctx, colleague, noteId, {
      kind: 'bleeding-haematoma',
      severity: 'mild',
      description: 'Small bruise',
      actionTaken: 'Reassured',
    });
    const note = await findVisitNoteForAppointment(ctx, me, appointmentId);
    expect(note).toMatchObject({ status: 'signed', signedByName: expect.any(String), version: 3 });
    expect(note!.addenda).toMatchObject([
      { text: expect.stringContaining('bruising'), authorName: 'Colleague' },
    ]);
    expect(note!.adverseEvents).toMatchObject([{ kind: 'bleeding-haematoma', recordedByName: 'Colleague' }]);
  });

  it('refuses addenda on a draft: drafts are edited directly', async () => {
    const { noteId } = await readyNote();
    await expect(addNoteAddendum(ctx, me, noteId, 'x')).rejects.toMatchObject({ code: 'note_not_signed' });
  });

  it('has the database refuse any change to a signed note, its points and its adverse events', async () => {
    const { appointmentId, noteId } = await readyNote();
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(1, { needlesIn: 2, needlesOut: 2 }));
    await recordAdverseEvent(ctx, me, noteId, {
      kind: 'pain-at-site',
      severity: 'mild',
      description: '',
      actionTaken: '',
    });
    await signVisitNote(ctx, me, noteId, 2);
    const refusals = [
      database.db.update(visitNotes).set({ plan: 'changed' }).where(eq(visitNotes.id, noteId)),
      database.db.update(visitNotes).set({ status: 'draft' }).where(eq(visitNotes.id, noteId)),
      database.db.delete(visitNotes).where(eq(visitNotes.id, noteId)),
      database.db.update(chartedPoints).set({ depthMm: 40 }).where(eq(chartedPoints.noteId, noteId)),
      database.db.delete(chartedPoints).where(eq(chartedPoints.noteId, noteId)),
      database.db.insert(chartedPoints).values({ noteId, position: 9, code: 'GV4', side: 'midline' }),
      database.db.update(adverseEvents).set({ severity: 'severe' }).where(eq(adverseEvents.noteId, noteId)),
      database.db.delete(adverseEvents).where(eq(adverseEvents.noteId, noteId)),
    ];
    for (const attempt of refusals) {
      await expect(databaseMessage(attempt)).resolves.toMatch(/signed and locked/);
    }
    const [note] = await database.db.select().from(visitNotes).where(eq(visitNotes.id, noteId));
    expect(note).toMatchObject({ status: 'signed', plan: draft(1).plan });
    expect(
      await database.db.select().from(chartedPoints).where(eq(chartedPoints.noteId, noteId)),
    ).toHaveLength(1);

    await addNoteAddendum(ctx, me, noteId, 'Addendum');
    await expect(
      databaseMessage(
        database.db.update(noteAddenda).set({ text: 'x' }).where(eq(noteAddenda.noteId, noteId)),
      ),
    ).resolves.toMatch(/append-only/);
    await expect(
      databaseMessage(database.db.delete(noteAddenda).where(eq(noteAddenda.noteId, noteId))),
    ).resolves.toMatch(/append-only/);
  });

  it('lets a draft note and its points change freely at the database level', async () => {
    const { noteId } = await readyNote();
    await database.db.update(chartedPoints).set({ depthMm: 30 }).where(eq(chartedPoints.noteId, noteId));
    await database.db.update(visitNotes).set({ plan: 'edited' }).where(eq(visitNotes.id, noteId));
    const [note] = await database.db.select().from(visitNotes).where(eq(visitNotes.id, noteId));
    expect(note!.plan).toBe('edited');
  });

  it('completes a booked appointment once its note is signed after the visit began', async () => {
    const { appointmentId, noteId } = await readyNote();
    await saveVisitNoteDraft(ctx, me, appointmentId, draft(1, { needlesIn: 2, needlesOut: 2 }));
    clock.set('2026-12-05T12:00:00Z');
    try {
      await signVisitNote(ctx, me, noteId, 2);
    } finally {
      clock.set('2026-11-25T16:00:00Z');
    }
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, appointmentId));
    expect(row!.status).toBe('completed');
    const reads = await database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'appointment.completed'`,
    );
    expect((reads as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(0);
  });
});

describe('treatment courses', () => {
  it('plans a course with reassessment points, one active at a time, and counts signed notes as sessions', async () => {
    const { appointmentId, patientId } = await bookVisit();
    const course = await createTreatmentCourse(ctx, me, {
      patientId,
      request: { durationCategory: 'chronic', startBackBand: 'medium', firstSessionDate: '2026-11-25' },
      goals: 'Walk the dog for 30 minutes',
    });
    expect(course.plan.sessions[0]).toMatchObject({ number: 1, date: '2026-11-25' });
    expect(course.plan.sessions.some((s) => s.reassessment)).toBe(true);
    await expect(
      createTreatmentCourse(ctx, me, {
        patientId,
        request: { durationCategory: 'acute', firstSessionDate: '2026-11-25' },
        goals: '',
      }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'course_already_active' });
    await expect(
      createTreatmentCourse(ctx, me, {
        patientId,
        request: { durationCategory: 'acute', firstSessionDate: '2026-02-30' },
        goals: '',
      }),
    ).rejects.toMatchObject({ kind: 'invalid', fields: { firstSessionDate: expect.any(String) } });

    const { noteId } = await saveVisitNoteDraft(
      ctx,
      me,
      appointmentId,
      draft(0, { needlesIn: 0, needlesOut: 0 }),
    );
    await signVisitNote(ctx, me, noteId, 1);
    const chart = await loadPatientChart(ctx, me, patientId);
    expect(chart.activeCourse?.id).toBe(course.id);
    expect(chart.activeCourse?.progress).toMatchObject({
      sessionsDone: 1,
      sessionsPlanned: course.plan.sessions.length,
    });
    expect(chart.visits[0]).toMatchObject({ appointmentId, noteStatus: 'signed', courseId: course.id });

    await endTreatmentCourse(ctx, me, course.id, 'completed');
    const after = await loadPatientChart(ctx, me, patientId);
    expect(after.activeCourse).toBeNull();
    expect(after.courses[0]).toMatchObject({ id: course.id, status: 'completed' });
  });
});
