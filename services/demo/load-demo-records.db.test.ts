import { and, asc, eq, ne } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictKey, toPlannedPoint } from '#contracts/visit-notes.ts';
import { checkPointPlan } from '#core/clinical/safety/index.ts';
import { stableUuid } from '#core/shared/stable-id.ts';
import {
  appointments,
  chartedPoints,
  questionnaireResponses,
  treatmentCourses,
  visitNotes,
} from '#db/schema/index.ts';
import type { ServiceContext } from '#services/context.ts';
import { loadPatientSafety } from '#services/records/patient-safety.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { loadDemoData } from './load-demo-data.ts';

// CONTRACT.md §2: patients 1–5 in a treatment course with past visits, signed notes with charted
// acupoints and scores over time; several patients with upcoming appointments. Deterministic.

let database: TestDatabase;
let ctx: ServiceContext;
// Wednesday 2026-11-25, 07:00 in New York.
const clock = createTestClock('2026-11-25T12:00:00Z');
const NY = 'America/New_York';

function local(date: Date) {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(NY);
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  await loadDemoData(ctx);
});
afterAll(() => database?.close());

describe('the demo clinical records', () => {
  it.each([1, 2, 3, 4, 5])(
    'puts patient %i in an active course with six signed, charted visits',
    async (n) => {
      const patientId = stableUuid(`patient:${n}`);
      const [course] = await database.db
        .select()
        .from(treatmentCourses)
        .where(eq(treatmentCourses.patientId, patientId));
      expect(course).toMatchObject({ id: stableUuid(`course:${n}`), status: 'active' });
      const notes = await database.db
        .select()
        .from(visitNotes)
        .where(eq(visitNotes.patientId, patientId))
        .orderBy(asc(visitNotes.createdAt));
      expect(notes).toHaveLength(6);
      expect(notes[0]!.id).toBe(stableUuid(`note:${n}:1`));
      const safety = await loadPatientSafety(database.db, patientId);
      for (const note of notes) {
        expect(note).toMatchObject({ status: 'signed', courseId: course!.id });
        expect(note.signedAt!.getTime()).toBeLessThan(clock.now().getTime());
        expect(note.needlesIn).toBe(note.needlesOut);
        const points = await database.db
          .select()
          .from(chartedPoints)
          .where(eq(chartedPoints.noteId, note.id));
        expect(points.length).toBeGreaterThanOrEqual(4);
        expect(points.reduce((sum, p) => sum + p.needleCount, 0)).toBe(note.needlesIn);
        // Every plan passes the patient's safety screen, its cautions acknowledged as the service asks.
        const conflicts = checkPointPlan(
          safety.screen!,
          points.map((p) => toPlannedPoint(p)),
        );
        expect(conflicts.filter((c) => c.severity === 'contraindication')).toEqual([]);
        for (const key of [...conflicts.map(conflictKey), ...safety.screen!.cautions.map((c) => c.id)]) {
          expect(note.acknowledgedCautions).toContain(key);
        }
        const [appointment] = await database.db
          .select()
          .from(appointments)
          .where(eq(appointments.id, note.appointmentId));
        expect(appointment!.status).toBe('completed');
      }
    },
  );

  it('keeps the pacemaker patient off electroacupuncture and charts it for patient 1', async () => {
    const techniques = async (n: number) =>
      (
        await database.db
          .select({ technique: chartedPoints.technique })
          .from(chartedPoints)
          .innerJoin(visitNotes, eq(visitNotes.id, chartedPoints.noteId))
          .where(eq(visitNotes.patientId, stableUuid(`patient:${n}`)))
      ).map((r) => r.technique);
    expect(await techniques(1)).toContain('electroacupuncture');
    expect(await techniques(3)).not.toContain('electroacupuncture');
  });

  it('records pain scores that improve over the course, with a baseline ODI and a week-2 review', async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const scores = await database.db
        .select()
        .from(questionnaireResponses)
        .where(eq(questionnaireResponses.patientId, stableUuid(`patient:${n}`)))
        .orderBy(asc(questionnaireResponses.completedAt));
      const nprs = scores.filter((s) => s.instrument === 'nprs').map((s) => s.score!);
      expect(nprs).toHaveLength(6);
      expect(nprs.at(-1)!).toBeLessThan(nprs[0]!);
      const odi = scores.filter((s) => s.instrument === 'odi');
      expect(odi.length).toBeGreaterThanOrEqual(2);
      expect(odi.at(-1)!.score!).toBeLessThanOrEqual(odi[0]!.score!);
      expect(scores.some((s) => s.instrument === 'start-back' && s.band !== null)).toBe(true);
      expect(scores.every((s) => s.status === 'completed' && s.completedAt! < clock.now())).toBe(true);
    }
  });

  it("fills today's list and books several patients four weeks ahead, inside working hours", async () => {
    const booked = await database.db
      .select()
      .from(appointments)
      .where(eq(appointments.status, 'booked'))
      .orderBy(asc(appointments.startAt));
    const today = booked.filter((a) => local(a.startAt).toPlainDate().toString() === '2026-11-25');
    expect(today.length).toBeGreaterThanOrEqual(6);
    const upcoming = booked.filter((a) => a.startAt.getTime() >= clock.now().getTime() + 24 * 3_600_000);
    expect(new Set(upcoming.map((a) => a.patientId)).size).toBeGreaterThanOrEqual(5);
    // After the last day the booking tests use (2026-12-17), before the 180-day horizon.
    expect(upcoming.every((a) => local(a.startAt).toPlainDate().toString() > '2026-12-17')).toBe(true);
    for (const a of booked) {
      const start = local(a.startAt);
      const end = local(a.endAt);
      expect(start.dayOfWeek).toBeLessThanOrEqual(5);
      expect(start.hour).toBeGreaterThanOrEqual(9);
      expect(end.hour * 60 + end.minute).toBeLessThanOrEqual(17 * 60);
    }
    // A patient is never booked twice at once.
    for (const a of booked) {
      const clash = await database.db
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          and(
            eq(appointments.patientId, a.patientId),
            ne(appointments.id, a.id),
            eq(appointments.startAt, a.startAt),
          ),
        );
      expect(clash).toEqual([]);
    }
  });

  it('gives the same ids and times on every load', async () => {
    const [first] = await database.db
      .select()
      .from(appointments)
      .where(eq(appointments.id, stableUuid('appointment:course:1:1')));
    // Six weeks before the Monday of this week (2026-11-23), at 10:00 New York time.
    expect(first!.startAt.toISOString()).toBe('2026-10-12T14:00:00.000Z');
    const [upcoming] = await database.db
      .select()
      .from(appointments)
      .where(eq(appointments.id, stableUuid('appointment:upcoming:1')));
    expect(upcoming!.startAt.toISOString()).toBe('2026-12-21T15:00:00.000Z');
  });
});
