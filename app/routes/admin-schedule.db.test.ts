import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import * as schedule from './admin-schedule';

// The hours and time-off forms post without JavaScript: whatever the server refuses comes back on
// the re-rendered page under the field it is about, announced, with what was sent still in the form.

let database: TestDatabase;
let ctx: ServiceContext;
let clinic: ClinicFixture;
const admin = testViewer('admin');
// Wednesday 2026-11-25, 07:00 in New York.
const clock = createTestClock('2026-11-25T12:00:00Z');

const post = (form: Record<string, string>) =>
  renderPage({
    Component: schedule.default,
    loader: schedule.loader,
    action: schedule.action,
    url: 'http://clinic.test/admin/schedule',
    form,
    context: createTestLoadContext(ctx, admin),
  });

async function postPage(form: Record<string, string>) {
  const page = await post(form);
  if (page.kind !== 'page') throw new Error(`expected the page again, got a redirect to ${page.location}`);
  return page;
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  clinic = await createClinicFixture(database.db);
});
afterAll(() => database?.close());

describe('adding working hours', () => {
  it('shows a refused practitioner and day under their drop-downs, keeping the times sent', async () => {
    const page = await postPage({
      intent: 'add-hours',
      practitionerId: 'someone',
      weekday: '8',
      startsAt: '10:00',
      endsAt: '12:00',
    });
    expect(page.status).toBe(422);
    expectRefusedField(page.html, 'hours-practitioner', 'Choose a practitioner.');
    expectRefusedField(page.html, 'hours-weekday', 'Weekday is at most 7.');
    expectAcceptedField(page.html, 'hours-start');
    expectAcceptedField(page.html, 'hours-end');
    expect(findFieldCell(page.html, 'hours-start')).toContain('value="10:00"');
    expect(findFieldCell(page.html, 'hours-end')).toContain('value="12:00"');
  });

  it('shows a practitioner who is not (or no longer) in the clinic under the practitioner', async () => {
    const page = await postPage({
      intent: 'add-hours',
      practitionerId: '00000000-0000-4000-8000-00000000dead',
      weekday: '2',
      startsAt: '09:00',
      endsAt: '17:00',
    });
    expect(page.status).toBe(404);
    expect(page.html).toContain('There is no such practitioner.');
    expectRefusedField(page.html, 'hours-practitioner', 'Choose a practitioner from the list.');
    expectAcceptedField(page.html, 'hours-weekday');
  });

  it('shows overlapping hours under "From", on the day and times that were sent', async () => {
    const added = await post({
      intent: 'add-hours',
      practitionerId: clinic.practitionerId,
      weekday: '6',
      startsAt: '09:00',
      endsAt: '12:00',
    });
    expect(added).toMatchObject({ kind: 'redirect', location: '/admin/schedule#hours' });
    const page = await postPage({
      intent: 'add-hours',
      practitionerId: clinic.practitionerId,
      weekday: '6',
      startsAt: '11:00',
      endsAt: '13:00',
    });
    expect(page.status).toBe(409);
    expectRefusedField(page.html, 'hours-start', 'Overlaps existing hours.');
    expectAcceptedField(page.html, 'hours-practitioner');
    expect(findFieldCell(page.html, 'hours-practitioner')).toMatch(
      new RegExp(`<option value="${clinic.practitionerId}" selected="">`),
    );
    expect(findFieldCell(page.html, 'hours-weekday')).toContain('<option value="6" selected="">Saturday');
    expect(findFieldCell(page.html, 'hours-start')).toContain('value="11:00"');
  });
});

describe('adding time off', () => {
  it('shows a refused reason and end under their fields, keeping what was typed', async () => {
    const reason = 'r'.repeat(201);
    const page = await postPage({
      intent: 'add-time-off',
      practitionerId: clinic.practitionerId,
      startLocal: '2026-12-24T09:00',
      endLocal: '2026-12-23T09:00',
      reason,
    });
    expect(page.status).toBe(422);
    expectRefusedField(page.html, 'off-reason', 'At most 200 characters.');
    expectRefusedField(page.html, 'off-end', 'The end must be after the start.');
    expectAcceptedField(page.html, 'off-practitioner');
    expectAcceptedField(page.html, 'off-start');
    expect(findFieldCell(page.html, 'off-reason')).toContain(`value="${reason}"`);
    expect(findFieldCell(page.html, 'off-start')).toContain('value="2026-12-24T09:00"');
    // The hours form above was not the one refused.
    expectAcceptedField(page.html, 'hours-practitioner');
  });

  it('shows a refused practitioner under the practitioner', async () => {
    const page = await postPage({
      intent: 'add-time-off',
      practitionerId: '00000000-0000-4000-8000-00000000dead',
      startLocal: '2026-12-24T09:00',
      endLocal: '2026-12-24T17:00',
    });
    expect(page.status).toBe(404);
    expectRefusedField(page.html, 'off-practitioner', 'Choose a practitioner from the list.');
  });
});

describe('removing', () => {
  // A Remove button posts the row's id from a hidden field; one that is not a UUID at all (an edited
  // or truncated form) must be refused before it reaches the uuid column, which would fail the query.
  const MALFORMED_IDS = ['not-a-uuid', '', "' or 1=1 --", '00000000-0000-4000-8000-00000000dea'];

  it('refuses hours named by a malformed id with a message by the hours, removing nothing', async () => {
    await post({
      intent: 'add-hours',
      practitionerId: clinic.practitionerId,
      weekday: '7',
      startsAt: '10:00',
      endsAt: '12:00',
    });
    for (const id of MALFORMED_IDS) {
      const page = await postPage({ intent: 'remove-hours', id });
      expect(page.status, id).toBe(400);
      expect(page.html).toContain(
        '<p class="alert alert--error" role="alert">The form did not name valid hours to remove. Reload the page and try again.</p>',
      );
      expect(page.html, 'the hours are still listed').toContain('hours on Sunday, 10 am–12 pm');
    }
  });

  it('refuses time off named by a malformed id with a message by the time off, removing nothing', async () => {
    await post({
      intent: 'add-time-off',
      practitionerId: clinic.practitionerId,
      startLocal: '2026-12-28T09:00',
      endLocal: '2026-12-28T13:00',
      reason: 'Training day',
    });
    for (const id of MALFORMED_IDS) {
      const page = await postPage({ intent: 'remove-time-off', id });
      expect(page.status, id).toBe(400);
      expect(page.html).toContain(
        '<p class="alert alert--error" role="alert">The form did not name valid time off to remove. Reload the page and try again.</p>',
      );
      expect(page.html, 'the time off is still listed').toContain('Training day');
    }
  });

  it('says so when the hours to remove no longer exist', async () => {
    const page = await postPage({ intent: 'remove-hours', id: '00000000-0000-4000-8000-00000000dead' });
    expect(page.status).toBe(404);
    expect(page.html).toContain(
      '<p class="alert alert--error" role="alert">Those hours no longer exist.</p>',
    );
  });

  it('says so when the time off to remove no longer exists', async () => {
    const page = await postPage({ intent: 'remove-time-off', id: '00000000-0000-4000-8000-00000000dead' });
    expect(page.status).toBe(404);
    expect(page.html).toContain(
      '<p class="alert alert--error" role="alert">That time off no longer exists.</p>',
    );
  });
});
