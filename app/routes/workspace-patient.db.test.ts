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
  testViewer,
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
  practitioner = testViewer('practitioner', clinic.practitionerUserId);
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

describe('ids that name nothing', () => {
  const postTo = (id: string, form: Record<string, string>) =>
    renderPage({
      Component: chart.default,
      loader: chart.loader,
      action: chart.action,
      path: '/workspace/patients/:patientId',
      url: `http://clinic.test/workspace/patients/${encodeURIComponent(id)}`,
      form,
      context: createTestLoadContext(ctx, practitioner),
    });

  it('refuses a course named by a malformed id with a message in the course panel', async () => {
    for (const intent of ['complete-course', 'stop-course']) {
      const page = await postTo(patientId, { intent, courseId: 'not-a-uuid' });
      if (page.kind !== 'page') throw new Error('expected the page again');
      expect(page.status, intent).toBe(400);
      expect(page.html).toContain(
        '<p class="alert alert--error" role="alert">The form did not name a valid course. Reload the page and try again.</p>',
      );
    }
  });

  it('says so when the course to end does not exist', async () => {
    const page = await postTo(patientId, {
      intent: 'stop-course',
      courseId: '00000000-0000-4000-8000-00000000dead',
    });
    if (page.kind !== 'page') throw new Error('expected the page again');
    expect(page.status).toBe(404);
    expect(page.html).toContain('<p class="alert alert--error" role="alert">There is no such course.</p>');
  });

  it('answers an address that is not a patient id with the page’s 404, for the page and its forms', async () => {
    const read = await renderPage({
      Component: chart.default,
      loader: chart.loader,
      path: '/workspace/patients/:patientId',
      url: 'http://clinic.test/workspace/patients/not-a-uuid',
      context: createTestLoadContext(ctx, practitioner),
    });
    expect(read).toMatchObject({ kind: 'page', status: 404 });
    for (const intent of ['create-course', 'stop-course']) {
      expect(
        await postTo('not-a-uuid', { intent, courseId: '00000000-0000-4000-8000-00000000dead' }),
        intent,
      ).toMatchObject({ kind: 'page', status: 404 });
    }
  });
});
