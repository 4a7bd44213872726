import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, patients } from '#db/schema/index.ts';
import type { Viewer } from '#services/auth/sessions.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import type { ServiceContext } from '#services/context.ts';
import { NO_SAFETY_SCREEN } from '#services/records/patient-safety.ts';
import {
  type ClinicFixture,
  createClinicFixture,
  ensureDefaultBookingPolicy,
} from '#tests/factories/clinic.ts';
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
import * as visit from './workspace-visit';

// The visit page's forms (note, adverse events, addendum, cancellation) post without JavaScript:
// whatever the server refuses comes back under the field it is about, announced, with what was
// sent still in the form.

let database: TestDatabase;
let ctx: ServiceContext;
let clinic: ClinicFixture;
let practitioner: Viewer;
const clock = createTestClock('2026-11-25T16:00:00Z');
let slot = 0;

/** A new patient of the fixture's practitioner with one visit; by default one that has begun. */
async function bookVisit(startAt = new Date(clock.now().getTime() - (slot + 1) * 3_600_000)) {
  slot += 1;
  const [patient] = await database.db
    .insert(patients)
    .values({ givenName: 'Test', familyName: `Visit ${slot}` })
    .returning({ id: patients.id });
  const [appointment] = await database.db
    .insert(appointments)
    .values({
      patientId: patient!.id,
      practitionerId: clinic.practitionerId,
      locationId: clinic.locationId,
      appointmentTypeId: clinic.appointmentTypeId,
      ...appointmentTimes(startAt, new Date(startAt.getTime() + 45 * 60_000)),
    })
    .returning({ id: appointments.id });
  return appointment!.id;
}

async function post(appointmentId: string, form: Record<string, string>) {
  return renderPage({
    Component: visit.default,
    loader: visit.loader,
    action: visit.action,
    path: '/workspace/visits/:appointmentId',
    url: `http://clinic.test/workspace/visits/${appointmentId}`,
    form,
    context: createTestLoadContext(ctx, practitioner),
  });
}

async function postRefused(appointmentId: string, form: Record<string, string>) {
  const page = await post(appointmentId, form);
  if (page.kind !== 'page') throw new Error(`expected the page again, got a redirect to ${page.location}`);
  return page;
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  clinic = await createClinicFixture(database.db);
  // Signing a note and cancelling read the booking policy.
  await ensureDefaultBookingPolicy(database.db);
  practitioner = testViewer('practitioner', clinic.practitionerUserId);
});
afterAll(() => database?.close());

describe('the visit note', () => {
  it('shows refused pain, SOAP and aftercare under their fields, keeping what was typed', async () => {
    const appointmentId = await bookVisit();
    const page = await postRefused(appointmentId, {
      intent: 'save',
      version: '0',
      painScore: '4.5',
      subjective: 's'.repeat(20_001),
      objective: 'Flexion to the knees.',
      aftercare: 'a'.repeat(4_001),
    });
    expect(page.status).toBe(422);
    expectRefusedField(page.html, 'note-pain', 'Pain is a whole number.');
    expectRefusedField(page.html, 'note-subjective', 'At most 20000 characters.');
    expectRefusedField(page.html, 'note-aftercare', 'At most 4000 characters.');
    expectAcceptedField(page.html, 'note-objective');
    // A refused section keeps its hint as a description, before the message.
    expect(findFieldCell(page.html, 'note-subjective')).toContain(
      'aria-describedby="note-subjective-hint note-subjective-error"',
    );
    expect(findFieldCell(page.html, 'note-pain')).toContain('value="4.5"');
    expect(findFieldCell(page.html, 'note-objective')).toContain('Flexion to the knees.');
  });

  it('shows a needle count that does not match under "Needles out" when signing', async () => {
    const appointmentId = await bookVisit();
    const page = await postRefused(appointmentId, {
      intent: 'sign',
      version: '0',
      needlesIn: '9',
      needlesOut: '8',
      ack: NO_SAFETY_SCREEN,
    });
    expect(page.status).toBe(422);
    expect(page.html).toContain('9 needles went in but 8 came out.');
    expectRefusedField(page.html, 'needles-out', 'Does not match needles in (9).');
    expectAcceptedField(page.html, 'needles-in');
  });

  it('marks a safety caution not yet acknowledged at its tick box when signing', async () => {
    const appointmentId = await bookVisit();
    const page = await postRefused(appointmentId, {
      intent: 'sign',
      version: '0',
      needlesIn: '0',
      needlesOut: '0',
    });
    expect(page.status).toBe(422);
    const id = `ack-note-${NO_SAFETY_SCREEN}`;
    expect(page.html).toMatch(
      new RegExp(`<input type="checkbox" id="${id}" aria-invalid="true" aria-describedby="${id}-error"`),
    );
    expect(page.html).toContain(`<span class="field__error" id="${id}-error">Not acknowledged yet.</span>`);
  });
});

describe('the other forms of a visit', () => {
  it('shows a refused adverse event under its fields, keeping the description', async () => {
    const appointmentId = await bookVisit();
    const description = 'd'.repeat(2_001);
    const page = await postRefused(appointmentId, {
      intent: 'adverse-event',
      severity: 'mild',
      description,
      actionTaken: 'Pressure applied.',
    });
    expect(page.status).toBe(422);
    expectRefusedField(page.html, 'ae-kind', 'Choose what happened.');
    expectRefusedField(page.html, 'ae-description', 'At most 2000 characters.');
    expectAcceptedField(page.html, 'ae-severity');
    expectAcceptedField(page.html, 'ae-action');
    expect(page.html).toContain('<details class="adverse-form" open="">');
    expect(findFieldCell(page.html, 'ae-description')).toContain(`>${description}</textarea>`);
    expect(findFieldCell(page.html, 'ae-severity')).toContain('<option value="mild" selected="">');
  });

  it('shows an empty addendum refused under the addendum box', async () => {
    const appointmentId = await bookVisit();
    const signed = await post(appointmentId, {
      intent: 'sign',
      version: '0',
      needlesIn: '0',
      needlesOut: '0',
      ack: NO_SAFETY_SCREEN,
    });
    expect(signed).toMatchObject({ kind: 'page', status: 200 });
    const page = await postRefused(appointmentId, { intent: 'addendum', text: '   ' });
    expect(page.status).toBe(422);
    expectRefusedField(page.html, 'addendum-text', 'Write the addendum.');
  });

  it('shows a cancellation without a reason refused under the reason, with the box open', async () => {
    const appointmentId = await bookVisit(new Date('2026-11-27T15:00:00Z'));
    const page = await postRefused(appointmentId, { intent: 'cancel', reason: '   ' });
    expect(page.status).toBe(422);
    expect(page.html).toContain('Give a reason when cancelling for a patient.');
    expectRefusedField(page.html, 'cancel-reason', 'Required when staff cancel');
    expect(page.html).toContain('<details class="visit__cancel" open="">');
  });
});

describe('ids that name nothing', () => {
  const page = (appointmentId: string, form?: Record<string, string>) =>
    renderPage({
      Component: visit.default,
      loader: visit.loader,
      action: visit.action,
      path: '/workspace/visits/:appointmentId',
      url: `http://clinic.test/workspace/visits/${encodeURIComponent(appointmentId)}`,
      ...(form ? { form } : {}),
      context: createTestLoadContext(ctx, practitioner),
    });

  it('answers an address that is not an appointment id with the page’s 404, for the page and each form', async () => {
    for (const id of ['not-a-uuid', "' or 1=1 --"]) {
      expect(await page(id), id).toMatchObject({ kind: 'page', status: 404 });
      for (const intent of [
        'save',
        'sign',
        'add-point',
        'remove-point',
        'copy-forward',
        'adverse-event',
        'addendum',
        'attended',
        'no-show',
        'cancel',
      ]) {
        expect(
          await page(id, { intent, version: '0', reason: 'Unwell', text: 'Later.' }),
          intent,
        ).toMatchObject({
          kind: 'page',
          status: 404,
        });
      }
    }
  });

  it('refuses a point to remove named by a malformed id with a message above the note', async () => {
    const appointmentId = await bookVisit();
    const refused = await postRefused(appointmentId, { intent: 'remove-point', pointId: 'not-a-uuid' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(
      '<div class="alert alert--error" role="alert"><p>The form did not name a valid point to remove. Reload the page and try again.</p></div>',
    );
  });

  it('says so when the point to remove is not on the note', async () => {
    const appointmentId = await bookVisit();
    const refused = await postRefused(appointmentId, {
      intent: 'remove-point',
      pointId: '00000000-0000-4000-8000-00000000dead',
    });
    expect(refused.status).toBe(404);
    expect(refused.html).toContain(
      '<div class="alert alert--error" role="alert"><p>That point is not on this note.</p></div>',
    );
  });
});
