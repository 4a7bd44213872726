import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentTypes, bookingPolicies } from '#db/schema/index.ts';
import type { ServiceContext } from '#services/context.ts';
import { ensureDefaultBookingPolicy } from '#tests/factories/clinic.ts';
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
import * as booking from './admin-booking';

// The booking policy and each appointment type have a form of their own, posted without JavaScript:
// a refused one comes back with what was sent still in it and the server's message under the field it
// is about, announced; every other form on the page still shows what is saved, and nothing is saved.

let database: TestDatabase;
let ctx: ServiceContext;
const admin = testViewer('admin');
const clock = createTestClock('2026-11-25T12:00:00Z');

// Two types of this file's own; each form's fields are named by its slug (`deep-follow-up-name`).
const DEEP = {
  slug: 'deep-follow-up',
  name: 'Deep follow-up',
  description: 'A longer follow-up.',
  durationMinutes: 60,
  bufferBeforeMinutes: 5,
  bufferAfterMinutes: 10,
  newPatientOnly: false,
  active: true,
};
const SHORT = {
  slug: 'short-review',
  name: 'Short review',
  description: '',
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  newPatientOnly: true,
  active: false,
};
let deepId: string;
let savedPolicy: Awaited<ReturnType<typeof readSavedPolicy>>;

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  await ensureDefaultBookingPolicy(database.db);
  savedPolicy = await readSavedPolicy();
  const [deep] = await database.db.insert(appointmentTypes).values([DEEP, SHORT]).returning();
  deepId = deep!.id;
});
afterAll(() => database?.close());

async function postPage(form: Record<string, string>) {
  const page = await renderPage({
    Component: booking.default,
    loader: booking.loader,
    action: booking.action,
    url: 'http://clinic.test/admin/booking',
    form,
    context: createTestLoadContext(ctx, admin),
  });
  if (page.kind !== 'page') throw new Error(`expected the page again, got a redirect to ${page.location}`);
  return page;
}

const alert = (message: string) => `<p class="alert alert--error" role="alert">${message}</p>`;

/** The form of the saved type called `name` (its `<form>` element, fields and all). */
function typeForm(html: string, name: string): string {
  const form = html.match(new RegExp(`<form[^>]*aria-label="Appointment type ${name}"[\\s\\S]*?</form>`));
  if (!form) throw new Error(`no form for the type ${name}`);
  return form[0];
}

/** Whether the checkbox `id` is ticked on the page. */
function isTicked(html: string, id: string): boolean {
  const box = html.match(new RegExp(`<input type="checkbox" id="${id}"[^>]*>`));
  if (!box) throw new Error(`no checkbox #${id}`);
  return box[0].includes('checked=""');
}

/** The saved values shown in the forms nobody posted. */
function expectSavedTypeFields(html: string, type: typeof DEEP) {
  const id = (field: string) => `${type.slug}-${field}`;
  for (const field of ['name', 'duration', 'before', 'after', 'description']) {
    expectAcceptedField(html, id(field));
  }
  expect(findFieldCell(html, id('name'))).toContain(`value="${type.name}"`);
  expect(findFieldCell(html, id('duration'))).toContain(`value="${type.durationMinutes}"`);
  expect(findFieldCell(html, id('before'))).toContain(`value="${type.bufferBeforeMinutes}"`);
  expect(findFieldCell(html, id('after'))).toContain(`value="${type.bufferAfterMinutes}"`);
  expect(findFieldCell(html, id('description'))).toContain(`value="${type.description}"`);
  expect(isTicked(html, id('new')), id('new')).toBe(type.newPatientOnly);
  expect(isTicked(html, id('active')), id('active')).toBe(type.active);
}

function expectSavedPolicyFields(html: string) {
  for (const id of ['policy-notice', 'policy-ahead', 'policy-window', 'policy-grid']) {
    expectAcceptedField(html, id);
  }
  expect(findFieldCell(html, 'policy-notice')).toContain(`value="${savedPolicy.minimumNoticeMinutes / 60}"`);
  expect(findFieldCell(html, 'policy-grid')).toContain(`value="${savedPolicy.slotIntervalMinutes}"`);
}

async function readSavedType(id: string) {
  const [row] = await database.db.select().from(appointmentTypes).where(eq(appointmentTypes.id, id));
  const { id: _id, ...saved } = row!;
  return saved;
}

async function readSavedPolicy() {
  const [row] = await database.db.select().from(bookingPolicies).where(eq(bookingPolicies.id, 'default'));
  return {
    minimumNoticeMinutes: row!.minimumNoticeMinutes,
    maximumDaysAhead: row!.maximumDaysAhead,
    cancellationWindowHours: row!.cancellationWindowHours,
    slotIntervalMinutes: row!.slotIntervalMinutes,
  };
}

describe('saving the booking policy', () => {
  it('shows a refused slot grid under its field, keeping every value that was sent', async () => {
    const page = await postPage({
      intent: 'policy',
      minimumNoticeHours: '36',
      maximumDaysAhead: '90',
      cancellationWindowHours: '48',
      slotIntervalMinutes: '3',
    });
    expect(page.status).toBe(422);
    expect(page.html).toContain(alert('Check the policy.'));
    expectRefusedField(page.html, 'policy-grid', 'Slot grid is at least 5.');
    expect(findFieldCell(page.html, 'policy-grid')).toContain('value="3"');
    for (const [id, sent] of [
      ['policy-notice', '36'],
      ['policy-ahead', '90'],
      ['policy-window', '48'],
    ]) {
      expectAcceptedField(page.html, id!);
      expect(findFieldCell(page.html, id!)).toContain(`value="${sent}"`);
    }
    // The type forms were not the ones refused.
    expectSavedTypeFields(page.html, DEEP);
    expectSavedTypeFields(page.html, SHORT);
    expect(await readSavedPolicy()).toEqual(savedPolicy);
  });
});

describe('saving an appointment type', () => {
  const deepForm = (changes: Record<string, string>) => ({
    intent: 'update-type',
    id: deepId,
    name: 'Deep follow-up, renamed',
    description: 'Typed, then refused.',
    durationMinutes: '50',
    bufferBeforeMinutes: '15',
    bufferAfterMinutes: '20',
    newPatientOnly: 'on',
    // "Patients can book it" unticked: the form does not send it.
    ...changes,
  });

  it('shows a refused buffer under its field in that type’s form, keeping what was sent', async () => {
    const page = await postPage(deepForm({ bufferAfterMinutes: '121' }));
    expect(page.status).toBe(422);
    const form = typeForm(page.html, DEEP.name);
    expect(form).toContain(alert('Check the appointment type.'));
    expectRefusedField(form, 'deep-follow-up-after', 'Time after is at most 120.');
    expect(findFieldCell(form, 'deep-follow-up-after')).toContain('value="121"');
    for (const [field, sent] of [
      ['name', 'Deep follow-up, renamed'],
      ['description', 'Typed, then refused.'],
      ['duration', '50'],
      ['before', '15'],
    ]) {
      expectAcceptedField(form, `deep-follow-up-${field}`);
      expect(findFieldCell(form, `deep-follow-up-${field}`)).toContain(`value="${sent}"`);
    }
    expect(isTicked(form, 'deep-follow-up-new')).toBe(true);
    expect(isTicked(form, 'deep-follow-up-active')).toBe(false);
    // The other type and the policy still show what is saved, with no message.
    expect(typeForm(page.html, SHORT.name)).not.toContain('alert');
    expectSavedTypeFields(page.html, SHORT);
    expectSavedPolicyFields(page.html);
    expect(await readSavedType(deepId)).toEqual(DEEP);
  });

  it('shows a name that is too long under the name, as it was typed', async () => {
    const name = 'n'.repeat(81);
    const page = await postPage(deepForm({ name }));
    expect(page.status).toBe(422);
    const form = typeForm(page.html, DEEP.name);
    expectRefusedField(form, 'deep-follow-up-name', 'At most 80 characters.');
    expect(findFieldCell(form, 'deep-follow-up-name')).toContain(`value="${name}"`);
    expectAcceptedField(form, 'deep-follow-up-after');
    expect(findFieldCell(form, 'deep-follow-up-after')).toContain('value="20"');
    expect(await readSavedType(deepId)).toEqual(DEEP);
  });
});

describe('adding an appointment type', () => {
  const newForm = (changes: Record<string, string>) => ({
    intent: 'create-type',
    slug: 'long-follow-up',
    name: 'Long follow-up',
    description: 'Ninety minutes.',
    durationMinutes: '90',
    bufferBeforeMinutes: '5',
    bufferAfterMinutes: '10',
    newPatientOnly: 'on',
    ...changes,
  });
  const countTypes = async () => (await database.db.select().from(appointmentTypes)).length;

  it('keeps the refused new type open, with what was sent and each message under its field', async () => {
    const before = await countTypes();
    const page = await postPage(newForm({ slug: 'Long Follow Up', durationMinutes: '3' }));
    expect(page.status).toBe(422);
    expect(page.html).toContain('<details class="admin-new-type" open="">');
    expect(page.html).toContain(alert('Check the new appointment type.'));
    expectRefusedField(page.html, 'new-slug', 'Lower-case words joined by hyphens, e.g. long-follow-up.');
    expect(findFieldCell(page.html, 'new-slug')).toContain('value="Long Follow Up"');
    expectRefusedField(page.html, 'new-duration', 'Length is at least 5.');
    expect(findFieldCell(page.html, 'new-duration')).toContain('value="3"');
    for (const [field, sent] of [
      ['name', 'Long follow-up'],
      ['description', 'Ninety minutes.'],
      ['before', '5'],
      ['after', '10'],
    ]) {
      expectAcceptedField(page.html, `new-${field}`);
      expect(findFieldCell(page.html, `new-${field}`)).toContain(`value="${sent}"`);
    }
    expect(isTicked(page.html, 'new-new')).toBe(true);
    expect(isTicked(page.html, 'new-active')).toBe(false);
    expectSavedTypeFields(page.html, DEEP);
    expect(await countTypes()).toBe(before);
  });

  it('shows a short name already in use under the short name, keeping what was sent', async () => {
    const before = await countTypes();
    const page = await postPage(newForm({ slug: DEEP.slug, active: 'on' }));
    expect(page.status).toBe(409);
    expect(page.html).toContain(alert('Another appointment type already uses that short name.'));
    expectRefusedField(page.html, 'new-slug', 'Already in use.');
    expect(findFieldCell(page.html, 'new-slug')).toContain(`value="${DEEP.slug}"`);
    expectAcceptedField(page.html, 'new-name');
    expect(findFieldCell(page.html, 'new-name')).toContain('value="Long follow-up"');
    expect(findFieldCell(page.html, 'new-duration')).toContain('value="90"');
    expect(isTicked(page.html, 'new-active')).toBe(true);
    expectSavedTypeFields(page.html, DEEP);
    expect(await countTypes()).toBe(before);
    expect(await readSavedType(deepId)).toEqual(DEEP);
  });
});
