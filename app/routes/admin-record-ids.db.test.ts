import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '#services/context.ts';
import {
  type ClinicFixture,
  createClinicFixture,
  ensureDefaultBookingPolicy,
} from '#tests/factories/clinic.ts';
import {
  createTestLoadContext,
  type RenderedPage,
  renderPage,
  testViewer,
} from '#tests/setup/render-page.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import * as booking from './admin-booking';
import * as comments from './admin-comments';
import * as inbox from './admin-inbox';
import * as outboxMessage from './admin-outbox-message';

// The administration pages name rows by id: in hidden form fields (save a type, moderate a comment,
// mark a message handled) and in the address (one sent message). An id that is not a UUID is refused
// before it reaches a uuid column (which would fail the query and answer 500): a message on the page
// for a form, the page's 404 for an address. A well-formed id of a row that is gone says so.

let database: TestDatabase;
let ctx: ServiceContext;
let clinic: ClinicFixture;
const admin = testViewer('admin');
const clock = createTestClock('2026-11-25T12:00:00Z');
const MALFORMED_IDS = ['not-a-uuid', '', "' or 1=1 --", '00000000-0000-4000-8000-00000000dea'];
const GONE = '00000000-0000-4000-8000-00000000dead';

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  clinic = await createClinicFixture(database.db);
  await ensureDefaultBookingPolicy(database.db);
});
afterAll(() => database?.close());

/** A route module as React Router loads it: the page, its loader and (for forms) its action. */
type RouteModule = {
  default: RenderArgs['Component'];
  loader: RenderArgs['loader'];
  action?: RenderArgs['action'];
};
type RenderArgs = Parameters<typeof renderPage>[0];

async function postPage(route: RouteModule, path: string, form: Record<string, string>) {
  const answer = await renderPage({
    Component: route.default,
    loader: route.loader,
    action: route.action,
    url: `http://clinic.test${path}`,
    form,
    context: createTestLoadContext(ctx, admin),
  });
  if (answer.kind !== 'page')
    throw new Error(`expected the page again, got a redirect to ${answer.location}`);
  return answer;
}

const alert = (message: string) => `<p class="alert alert--error" role="alert">${message}</p>`;

describe('saving an appointment type', () => {
  const typeForm = {
    intent: 'update-type',
    name: 'Follow-up',
    description: '',
    durationMinutes: '45',
    bufferBeforeMinutes: '0',
    bufferAfterMinutes: '0',
    active: 'on',
  };

  it('refuses a type named by a malformed id with a message above the types', async () => {
    for (const id of MALFORMED_IDS) {
      const page = await postPage(booking, '/admin/booking', { ...typeForm, id });
      expect(page.status, id).toBe(400);
      expect(page.html).toContain(
        alert('The form did not name a valid appointment type. Reload the page and try again.'),
      );
    }
  });

  it('says so when the type no longer exists', async () => {
    const page = await postPage(booking, '/admin/booking', { ...typeForm, id: GONE });
    expect(page.status).toBe(404);
    expect(page.html).toContain(alert('There is no such appointment type.'));
  });

  it('still saves a type named by its id', async () => {
    const saved = await renderPage({
      Component: booking.default,
      loader: booking.loader,
      action: booking.action,
      url: 'http://clinic.test/admin/booking',
      form: { ...typeForm, id: clinic.appointmentTypeId },
      context: createTestLoadContext(ctx, admin),
    });
    expect(saved).toMatchObject({ kind: 'redirect', location: '/admin/booking#types' });
  });
});

describe('moderating a comment and handling a message', () => {
  it('refuses a comment named by a malformed id with a message', async () => {
    for (const id of MALFORMED_IDS) {
      const page = await postPage(comments, '/admin/comments', { id, decision: 'approved' });
      expect(page.status, id).toBe(400);
      expect(page.html).toContain(
        alert('The form did not name a valid comment. Reload the page and try again.'),
      );
    }
  });

  it('says so when the comment does not exist', async () => {
    const page = await postPage(comments, '/admin/comments', { id: GONE, decision: 'rejected' });
    expect(page.status).toBe(404);
    expect(page.html).toContain(alert('There is no such comment.'));
  });

  it('refuses a contact message named by a malformed id with a message', async () => {
    for (const id of MALFORMED_IDS) {
      const page = await postPage(inbox, '/admin/inbox', { id });
      expect(page.status, id).toBe(400);
      expect(page.html).toContain(
        alert('The form did not name a valid message. Reload the page and try again.'),
      );
    }
  });

  it('says so when the contact message does not exist', async () => {
    const page = await postPage(inbox, '/admin/inbox', { id: GONE });
    expect(page.status).toBe(404);
    expect(page.html).toContain(alert('There is no such message.'));
  });
});

describe('one sent message', () => {
  const read = (id: string): Promise<RenderedPage> =>
    renderPage({
      Component: outboxMessage.default,
      loader: outboxMessage.loader,
      path: '/admin/outbox/:id',
      url: `http://clinic.test/admin/outbox/${encodeURIComponent(id)}`,
      context: createTestLoadContext(ctx, admin),
    });

  it('answers an address that is not a message id with the page’s 404', async () => {
    for (const id of ['not-a-uuid', "' or 1=1 --", '00000000-0000-4000-8000-00000000dea']) {
      expect(await read(id), id).toMatchObject({ kind: 'page', status: 404 });
    }
  });

  it('answers a message that does not exist with the page’s 404', async () => {
    expect(await read(GONE)).toMatchObject({ kind: 'page', status: 404 });
  });
});
