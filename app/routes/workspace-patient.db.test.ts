import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments } from '#db/schema/index.ts';
import type { Viewer } from '#services/auth/sessions.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import type { ServiceContext } from '#services/context.ts';
import { type ClinicFixture, createClinicFixture } from '#tests/factories/clinic.ts';
import {
  createTestLoadContext,
  expectAcceptedField,
  expectRefusedField,
  findFieldCell,
  renderPage,
} from '#tests/setup/render-page.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import * as chart from './workspace-patient';

// The course planner posts without JavaScript: whatever the server refuses (the form's own rules or
// the planner's) comes back under the field it is about, announced, with what was sent kept.

let database: TestDatabase;
let ctx: ServiceContext;
let clinic: ClinicFixture;
let practitioner: Viewer;
let patientId: string;
const clock = createTestClock('2026-11-25T16:00:00Z');

const planCourse = (form: Record<string, string>) =>
  renderPage({
    Component: chart.default,
    loader: chart.loader,
    action: chart.action,
    path: '/workspace/patients/:patientId',
    url: `http://clinic.test/workspace/patients/${patientId}`,
    form: {
      durationCategory: 'chronic',
      startBackBand: '',
      firstSessionDate: '2026-11-30',
      functionInstrument: 'odi',
      maxSessions: '',
      withinDays: '',
      goals: '',
      ...form,
    },
    context: createTestLoadContext(ctx, practitioner),
  });

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  clinic = await createClinicFixture(database.db);
  practitioner = {
    userId: clinic.practitionerUserId,
    role: 'practitioner',
    displayName: 'Prac',
    email: 'prac@test.test',
    sessionId: 'test-session',
  };
  patientId = clinic.patientIds[0]!;
  // The practitioner treats the patient: one visit today.
  const startAt = new Date('2026-11-25T15:00:00Z');
  await database.db.insert(appointments).values({
    patientId,
    practitionerId: clinic.practitionerId,
    locationId: clinic.locationId,
    appointmentTypeId: clinic.appointmentTypeId,
    ...appointmentTimes(startAt, new Date(startAt.getTime() + 45 * 60_000)),
  });
});
afterAll(() => database?.close());

describe('the course planner', () => {
  it('shows refused goals and cover limit under their fields, keeping what was typed', async () => {
    const goals = 'Walk the dog again. '.repeat(51);
    const page = await planCourse({ intent: 'create-course', goals, maxSessions: '0', withinDays: 'ten' });
    if (page.kind !== 'page') throw new Error('expected the page again');
    expect(page.status).toBe(422);
    expectRefusedField(page.html, 'course-goals', 'At most 1000 characters.');
    expectRefusedField(page.html, 'course-max', 'At least 1.');
    expectRefusedField(page.html, 'course-within', 'Give a number of days.');
    for (const id of ['course-duration', 'course-startback', 'course-first', 'course-instrument']) {
      expectAcceptedField(page.html, id);
    }
    expect(findFieldCell(page.html, 'course-goals')).toContain(`value="${goals}"`);
    expect(findFieldCell(page.html, 'course-first')).toContain('value="2026-11-30"');
  });

  it("shows the planner's own refusal under the first session date", async () => {
    const page = await planCourse({ intent: 'preview-course', firstSessionDate: '9999-12-01' });
    if (page.kind !== 'page') throw new Error('expected the page again');
    expect(page.status).toBe(422);
    expectRefusedField(page.html, 'course-first', 'The course would run past the year 9999.');
    expectAcceptedField(page.html, 'course-goals');
    expect(page.html).not.toContain('Proposed plan');
  });

  it('saves a course whose fields are all accepted', async () => {
    const page = await planCourse({ intent: 'create-course', goals: 'Sit through a film.' });
    expect(page).toMatchObject({ kind: 'redirect', location: `/workspace/patients/${patientId}#course` });
  });
});
