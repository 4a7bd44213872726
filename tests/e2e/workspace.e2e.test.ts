import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatShortDate } from '#app/clinic-time.server.ts';
import { stableUuid } from '#core/shared/stable-id.ts';
import {
  type E2eEnvironment,
  findAccessibilityViolations,
  startE2eEnvironment,
  waitForHeading,
} from './browser.ts';

// Issue 7 "Must show": a practitioner opens today's schedule, opens a booked appointment, writes a
// SOAP note, charts five points (one by clicking the body map, four by search), records needles in
// and out and signs; the note is read-only afterwards and an addendum appears with its author; a
// pregnancy flag warns before a cautioned point is saved. An admin changes working hours and the
// booking policy and patient-facing availability follows. Practitioners cannot open admin pages;
// patients reach no workspace page or API. axe-core on every workspace and admin page; screenshots
// in docs/screenshots. The server runs on the real clock with the demo clinic.

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(() => env?.close());

const PASSWORD = 'backpoint-demo-2026';
const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

/** The demo day list's date: today in the clinic, or the next Monday at a weekend. */
function demoClinicDay(): string {
  const today = Temporal.Now.plainDateISO('America/New_York');
  return (today.dayOfWeek <= 5 ? today : today.add({ days: 8 - today.dayOfWeek })).toString();
}

async function withPage<T>(
  work: (page: Page, context: BrowserContext) => Promise<T>,
  options: Parameters<E2eEnvironment['browser']['newContext']>[0] = {
    viewport: { width: 1400, height: 1000 },
  },
) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const result = await work(page, context);
    expect(errors, 'no script errors on the page').toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, who: string) {
  await page.goto(`${env.baseUrl}/sign-in`);
  await page.fill('#email', `${who}@demo.test`);
  await page.fill('#password', PASSWORD);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
    page.click('button[type=submit]'),
  ]);
}

/** A full-page screenshot from the top (the sticky day list would otherwise sit mid-page). */
async function shoot(page: Page, path: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
}

async function expectNoAxeViolations(page: Page) {
  const where = new URL(page.url()).pathname;
  expect(await findAccessibilityViolations(page), where).toEqual([]);
  // One main heading: beside a visit or a chart, the day's title is a section heading.
  expect(await page.locator('h1').count(), `${where}: h1 elements`).toBe(1);
}

/** The day list on the demo clinic's day (today unless it is a weekend), chosen with the date picker. */
async function openDemoDay(page: Page) {
  await page.goto(`${env.baseUrl}/workspace`);
  await expect(page.locator('#day-title').textContent()).resolves.toMatch(/Today|\d{4}/);
  const day = demoClinicDay();
  if ((await page.inputValue('#day-date')) !== day) {
    await page.fill('#day-date', day);
    await Promise.all([page.waitForURL(/date=/), page.getByRole('button', { name: 'Show' }).click()]);
    // The form navigates in the page: the address changes before the chosen day's list is drawn.
    await waitForHeading(page, new RegExp(`^${formatShortDate(day)}`));
  }
}

async function waitForPointRow(page: Page, code: string) {
  await page
    .locator('table.charted-points tbody th', { hasText: new RegExp(`^${code}`) })
    .first()
    .waitFor();
}

async function chartBySearch(page: Page, code: string) {
  await page.fill('#point-q', code);
  await page.getByRole('link', { name: new RegExp(`^Choose ${code} `) }).click();
  await expect(page.inputValue('#point-code')).resolves.toBe(code);
  await page.getByRole('button', { name: 'Add point' }).click();
  await waitForPointRow(page, code);
}

describe('a practitioner writes and signs a visit note', () => {
  it('opens the day, writes SOAP, charts five points, counts needles, signs, and adds an addendum', async () => {
    await withPage(async (page) => {
      await signIn(page, 'practitioner1');
      expect(new URL(page.url()).pathname).toBe('/workspace');
      await openDemoDay(page);
      const list = page.getByRole('list', { name: /Appointments/ });
      await expect(list.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(4);
      await expectNoAxeViolations(page);
      await shoot(page, `${SHOTS}workspace-day.png`);

      await Promise.all([
        page.waitForURL(/\/workspace\/visits\//),
        list.getByRole('link', { name: /Alex Rivera/ }).click(),
      ]);
      await page.locator('#note-subjective').waitFor();
      await expect(page.locator('#visit-title').textContent()).resolves.toContain('Alex Rivera');
      await expectNoAxeViolations(page);

      // SOAP, saved by itself a moment after typing stops.
      await page.fill('#note-pain', '4');
      await page.fill('#note-subjective', 'Mornings better; sat through a two-hour meeting.');
      await page.fill('#note-objective', 'Flexion to ankles, mild L5 paraspinal tenderness on the left.');
      await page.fill('#note-assessment', 'Chronic low back pain, improving.');
      await page.fill('#note-plan', 'Continue weekly; week-6 review with ODI today.');
      await page.getByText(/Draft saved at/).waitFor({ timeout: 15_000 });

      // One point by clicking the body map, four by search.
      await page.locator('a.body-chart__candidate[data-code="BL23"]').first().click();
      await expect(page.inputValue('#point-code')).resolves.toBe('BL23');
      await page.getByRole('button', { name: 'Add point' }).click();
      await waitForPointRow(page, 'BL23');
      for (const code of ['BL25', 'BL40', 'GB34', 'GV4']) await chartBySearch(page, code);
      await expect(page.locator('table.charted-points tbody tr').count()).resolves.toBe(5);
      await expect(page.locator('table.charted-points caption').textContent()).resolves.toContain(
        '9 needles',
      );
      await shoot(page, `${SHOTS}workspace-visit.png`);

      // A needle unaccounted for blocks signing; the text typed earlier is still there.
      await expect(page.inputValue('#note-subjective')).resolves.toContain('two-hour meeting');
      await page.fill('#needles-in', '9');
      await page.fill('#needles-out', '8');
      await page.getByRole('button', { name: 'Sign note' }).click();
      await expect(
        page.getByRole('alert').filter({ hasText: 'Find every needle' }).textContent(),
      ).resolves.toContain('8 came out');
      await page.fill('#needles-out', '9');
      await page.getByRole('button', { name: 'Sign note' }).click();
      await page.getByText(/Signed by Mei-Lin Chen/).waitFor();

      // Read-only afterwards: no editable note, no charting.
      await expect(page.locator('#note-subjective').count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Add point' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Remove' }).count()).resolves.toBe(0);
      await expect(page.locator('.signed-note__body').textContent()).resolves.toContain('two-hour meeting');
      await expectNoAxeViolations(page);

      await page.fill('#addendum-text', 'Patient phoned: slight ache at BL23 the next day, settled.');
      await page.getByRole('button', { name: 'Add addendum' }).click();
      const addendum = page.locator('.addenda li').first();
      await addendum.waitFor();
      await expect(addendum.textContent()).resolves.toMatch(/Mei-Lin Chen.*slight ache at BL23/s);
      await shoot(page, `${SHOTS}workspace-visit-signed.png`);

      // The patient chart: visits, scores and the course.
      await Promise.all([page.waitForURL(/\/workspace\/patients\//), page.locator('#visit-title a').click()]);
      await page.locator('#course-title').waitFor();
      await expect(page.locator('.score-chart').count()).resolves.toBeGreaterThanOrEqual(2);
      await expectNoAxeViolations(page);
      await shoot(page, `${SHOTS}workspace-patient-chart.png`);
    });
  });

  it('warns about a pregnancy caution before a lumbosacral point is saved, and saves it once acknowledged', async () => {
    await withPage(async (page) => {
      await signIn(page, 'practitioner3');
      await openDemoDay(page);
      await Promise.all([
        page.waitForURL(/\/workspace\/visits\//),
        page
          .getByRole('list', { name: /Appointments/ })
          .getByRole('link', { name: /Grace Adeyemi/ })
          .click(),
      ]);
      const banner = page.locator('.safety-banner');
      await expect(banner.textContent()).resolves.toMatch(/Caution.*Pregnant \(trimester 2\)/s);

      await page.fill('#point-q', 'BL23');
      await page.getByRole('link', { name: /^Choose BL23 / }).click();
      const warning = page.locator('.point-warning');
      await warning.waitFor();
      await expect(warning.textContent()).resolves.toMatch(/Caution.*BL23.*lumbosacral/is);
      await expectNoAxeViolations(page);
      await shoot(page, `${SHOTS}workspace-pregnancy-warning.png`);

      // Not saved without the acknowledgement (the box is required), saved with it.
      await page.getByRole('button', { name: 'Add point' }).click();
      await expect(page.locator('table.charted-points').count()).resolves.toBe(0);
      await page.getByLabel(/I have considered pregnancy points at BL23/).check();
      await page.getByRole('button', { name: 'Add point' }).click();
      await waitForPointRow(page, 'BL23');
      // One row: the first press, without the acknowledgement, saved nothing (not just nothing yet).
      await expect(page.locator('table.charted-points tbody tr').count()).resolves.toBe(1);
      await expect(page.locator('table.charted-points tbody').textContent()).resolves.toContain(
        'caution acknowledged',
      );
    });
  });

  it('shows the same warning without JavaScript, from the server, before anything is saved', async () => {
    await withPage(
      async (page) => {
        await signIn(page, 'practitioner3');
        await page.goto(
          `${env.baseUrl}/workspace/visits/${stableUuid('appointment:day:8')}?q=BL25&code=BL25#add-point`,
        );
        await expect(page.locator('.point-warning').textContent()).resolves.toMatch(/BL25.*lumbosacral/is);
        await expect(page.locator('input[name="ack"][required]').count()).resolves.toBeGreaterThan(0);
      },
      { javaScriptEnabled: false },
    );
  });
});

describe('clinic administration', () => {
  async function saturdaySlots(page: Page, practitionerId: string, date: string) {
    const res = await page.request.get(
      `${env.baseUrl}/api/v1/availability?appointmentType=maintenance&practitioner=${practitionerId}&from=${date}&to=${date}`,
    );
    const body = (await res.json()) as { slots: { start: string }[] };
    return body.slots.map((s) => s.start.slice(11, 16));
  }

  it('changes working hours and the booking policy, and patient-facing availability follows', async () => {
    await withPage(async (page) => {
      const practitionerId = stableUuid('practitioner:1');
      const today = Temporal.Now.plainDateISO('America/New_York');
      const saturday = today.add({ days: 7 + ((6 - today.dayOfWeek + 7) % 7) }).toString();
      expect(await saturdaySlots(page, practitionerId, saturday)).toEqual([]);

      await signIn(page, 'admin');
      expect(new URL(page.url()).pathname).toBe('/admin');
      await waitForHeading(page, 'Clinic administration');
      await expectNoAxeViolations(page);
      await page.goto(`${env.baseUrl}/admin/schedule`);
      await page.selectOption('#hours-practitioner', practitionerId);
      await page.selectOption('#hours-weekday', '6');
      await page.fill('#hours-start', '10:00');
      await page.fill('#hours-end', '12:00');
      await page.getByRole('button', { name: 'Add hours' }).click();
      await page.getByRole('button', { name: /Remove Mei-Lin Chen’s hours on Saturday/ }).waitFor();
      await expectNoAxeViolations(page);
      await shoot(page, `${SHOTS}admin-schedule.png`);
      expect(await saturdaySlots(page, practitionerId, saturday)).toEqual([
        '10:00',
        '10:15',
        '10:30',
        '10:45',
        '11:00',
        '11:15',
        '11:30',
      ]);

      await page.goto(`${env.baseUrl}/admin/booking`);
      await page.fill('#policy-grid', '30');
      await page.getByRole('button', { name: 'Save booking policy' }).click();
      await page.getByText('Booking policy saved').waitFor();
      await expectNoAxeViolations(page);
      await shoot(page, `${SHOTS}admin-booking.png`);
      expect(await saturdaySlots(page, practitionerId, saturday)).toEqual([
        '10:00',
        '10:30',
        '11:00',
        '11:30',
      ]);

      for (const path of ['/admin/outbox', '/admin/inbox', '/admin/comments']) {
        await page.goto(`${env.baseUrl}${path}`);
        await expectNoAxeViolations(page);
      }
      await page.goto(`${env.baseUrl}/admin/inbox`);
      await shoot(page, `${SHOTS}admin-inbox.png`);
    });
  });

  it('lists sent mail with its status and shows the stored message', async () => {
    await withPage(async (page) => {
      // A patient books online: the confirmation and the reminder go into the outbox.
      const token = await page.request.post(`${env.baseUrl}/api/v1/auth/token`, {
        data: { email: 'patient14@demo.test', password: PASSWORD },
      });
      const bearer = `Bearer ${((await token.json()) as { token: string }).token}`;
      const from = Temporal.Now.plainDateISO('America/New_York').add({ days: 3 }).toString();
      const to = Temporal.PlainDate.from(from).add({ days: 10 }).toString();
      const slots = await page.request.get(
        `${env.baseUrl}/api/v1/availability?appointmentType=follow-up&from=${from}&to=${to}`,
      );
      const slot = ((await slots.json()) as { slots: { practitionerId: string; start: string }[] }).slots[0]!;
      const booked = await page.request.post(`${env.baseUrl}/api/v1/appointments`, {
        headers: { authorization: bearer },
        data: { practitionerId: slot.practitionerId, appointmentType: 'follow-up', start: slot.start },
      });
      expect(booked.status()).toBe(201);

      await signIn(page, 'admin');
      await page.goto(`${env.baseUrl}/admin/outbox`);
      const rows = page.locator('table tbody tr');
      await expect(rows.count()).resolves.toBeGreaterThanOrEqual(2);
      await expect(page.locator('table').textContent()).resolves.toContain('patient14@demo.test');
      await shoot(page, `${SHOTS}admin-outbox.png`);
      await Promise.all([page.waitForURL(/\/admin\/outbox\/.+/), rows.first().getByRole('link').click()]);
      await page.getByRole('heading', { name: 'Stored raw message' }).waitFor();
      await expectNoAxeViolations(page);
    });
  });
});

describe('who may open what', () => {
  const visit = () => `/workspace/visits/${stableUuid('appointment:day:2')}`;
  const chart = () => `/workspace/patients/${stableUuid('patient:3')}`;

  it('sends a visitor to sign in, and back afterwards', async () => {
    await withPage(async (page) => {
      await page.goto(`${env.baseUrl}/workspace`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/workspace');
      await page.goto(`${env.baseUrl}/admin/schedule`);
      expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/admin/schedule');
    });
  });

  it('refuses a practitioner every admin page with 403', async () => {
    await withPage(async (page) => {
      await signIn(page, 'practitioner1');
      for (const path of [
        '/admin',
        '/admin/schedule',
        '/admin/booking',
        '/admin/outbox',
        '/admin/inbox',
        '/admin/comments',
      ]) {
        const res = await page.goto(`${env.baseUrl}${path}`);
        expect(res?.status(), path).toBe(403);
        await expect(page.locator('h1').textContent()).resolves.toContain('not available to you');
      }
    });
  });

  it('refuses a patient every workspace page and API with 403, and shows no clinical data', async () => {
    await withPage(async (page) => {
      await signIn(page, 'patient1');
      for (const path of ['/workspace', visit(), chart(), '/admin']) {
        const res = await page.goto(`${env.baseUrl}${path}`);
        expect(res?.status(), path).toBe(403);
        const text = (await page.textContent('main')) ?? '';
        expect(text).not.toContain('Tom Becker');
        expect(text).not.toMatch(/pacemaker/i);
      }
      // Posting to a workspace page does nothing either.
      const csrf = await page.locator('input[name=_csrf]').first().getAttribute('value');
      const post = await page.request.post(`${env.baseUrl}${visit()}`, {
        form: { _csrf: csrf ?? '', intent: 'save', version: '0', subjective: 'x' },
      });
      expect(post.status()).toBe(403);
      const token = await page.request.post(`${env.baseUrl}/api/v1/auth/token`, {
        data: { email: 'patient1@demo.test', password: PASSWORD },
      });
      const bearer = `Bearer ${((await token.json()) as { token: string }).token}`;
      const api = await page.request.get(`${env.baseUrl}/api/v1/workspace/day`, {
        headers: { authorization: bearer },
      });
      expect(api.status()).toBe(403);
      expect(JSON.stringify(await api.json())).not.toContain('Tom Becker');
    });
  });

  it('refuses an admin the workspace (admins do not read clinical notes)', async () => {
    await withPage(async (page) => {
      await signIn(page, 'admin');
      expect((await page.goto(`${env.baseUrl}/workspace`))?.status()).toBe(403);
      expect((await page.goto(`${env.baseUrl}${chart()}`))?.status()).toBe(403);
    });
  });
});
