import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2eEnvironment,
  findAccessibilityViolations,
  startE2eEnvironment,
  waitForHeading,
} from './browser.ts';

// Issue 6 "Must show": checker (routine) → book → register → intake → questionnaire → My care shows
// the appointment and the scores; reschedule and cancel; booking and intake without JavaScript;
// booking by keyboard alone. Each page of the journey is checked with axe-core and at 320 px as it
// is reached. The server runs on the real clock with the demo clinic (24 h notice, 24 h window).

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(() => env?.close());

const PASSWORD = 'backpoint-demo-2026';

async function withPage<T>(
  options: Parameters<E2eEnvironment['browser']['newContext']>[0],
  work: (page: Page, context: BrowserContext) => Promise<T>,
) {
  const context = await env.browser.newContext(options);
  try {
    return await work(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Clicks and waits for the address to change (a document load or a client navigation). */
async function clickAndWait(page: Page, target: Locator, until?: (url: URL) => boolean) {
  const before = page.url();
  await target.click();
  await page.waitForURL(until ?? ((url) => url.toString() !== before), { timeout: 30_000 });
  await page.waitForLoadState('load');
}

/** Submits a form that answers on the same address (a refusal without JavaScript reloads the page). */
async function submitInPlace(page: Page, target: Locator) {
  await Promise.all([page.waitForNavigation({ timeout: 30_000 }), target.click()]);
}

/** axe-core finds nothing, and the page fits 320 px without scrolling sideways. */
async function expectAccessible(page: Page) {
  expect(await findAccessibilityViolations(page), new URL(page.url()).pathname).toEqual([]);
  const width = page.viewportSize()?.width ?? 1280;
  await page.setViewportSize({ width: 320, height: 700 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${page.url()} at 320 px`,
  ).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width, height: 800 });
}

async function signIn(page: Page, email: string) {
  await page.goto(`${env.baseUrl}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await clickAndWait(
    page,
    page.locator('main button[type=submit]'),
    (url) => !url.pathname.startsWith('/sign-in'),
  );
}

async function answerRoutineChecker(page: Page) {
  const next = () => page.getByRole('button', { name: /^(Continue|See my result)$/ });
  const step = async () => {
    const before = await page.locator('h1').first().textContent();
    await next().click();
    await page.waitForFunction((previous) => document.querySelector('h1')?.textContent !== previous, before);
  };
  await page.goto(`${env.baseUrl}/checker`);
  await page.getByLabel('Lower back', { exact: true }).check();
  await page.getByLabel('Buttock', { exact: true }).check();
  await step();
  await page.getByLabel('3 months to a year').check();
  await step();
  await page.getByLabel('How old are you?').fill('44');
  await step();
  await page.getByLabel('No, I have had it before').check();
  await step();
  for (let i = 0; i < 4; i++) {
    await page.getByLabel('None of these').check();
    await step();
  }
  await page.getByLabel('No', { exact: true }).check();
  await step();
}

/** The intake form from the overview to "sent", answering every step; checks each page on the way. */
async function fillIntake(page: Page, options: { check: boolean }) {
  await page.goto(`${env.baseUrl}/my-care/intake`);
  if (options.check) await expectAccessible(page);
  await clickAndWait(page, page.getByRole('link', { name: /^(Start|Carry on)$/ }));
  // Your back pain: where it hurts may already be ticked from the checker.
  await page.getByLabel('Lower back', { exact: true }).check();
  await page.getByLabel('More than 12 weeks').check();
  await page.getByLabel('What would you most like to be able to do again?').fill('Garden without pain');
  if (options.check) await expectAccessible(page);
  await clickAndWait(page, page.getByRole('button', { name: 'Save and continue' }));
  await page.getByLabel('Medicines you take').fill('Ibuprofen now and then');
  await clickAndWait(page, page.getByRole('button', { name: 'Save and continue' }));
  await page
    .getByRole('group', { name: 'Are you pregnant, or could you be?' })
    .getByLabel('No', { exact: true })
    .check();
  for (const group of [
    'Do you take any of these blood thinners?',
    'Do you have any of these implants or devices?',
    'Do you have any of these skin problems at the moment?',
  ]) {
    await page.getByRole('group', { name: group }).getByLabel('None of these').check();
  }
  for (const question of [
    /bleeding disorder/,
    /low platelet/,
    /epilepsy/,
    /afraid of needles/,
    /fainted/,
    /allergic to metals/,
  ]) {
    await page.getByRole('group', { name: question }).getByLabel('No', { exact: true }).check();
  }
  if (options.check) await expectAccessible(page);
  await clickAndWait(page, page.getByRole('button', { name: 'Save and continue' }));
  await page.getByLabel(/I agree to have acupuncture/).check();
  await page.getByLabel(/I agree to the clinic keeping/).check();
  await clickAndWait(
    page,
    page.getByRole('button', { name: 'Save and continue' }),
    (url) => url.search === '',
  );
  await clickAndWait(page, page.getByRole('button', { name: 'Send my form' }));
  await expect(page.getByRole('status').textContent()).resolves.toMatch(/Your form was sent/);
}

describe('the patient journey', () => {
  it('goes from a routine symptom check to booking, a new account, the health form, a questionnaire and My care', async () => {
    await withPage({ viewport: { width: 390, height: 800 }, timezoneId: 'Europe/London' }, async (page) => {
      await answerRoutineChecker(page);
      await clickAndWait(page, page.getByRole('link', { name: 'Book an appointment' }));
      expect(new URL(page.url()).searchParams.get('from')).toBe('checker');
      // The visitor's own time zone joins the address once the page runs its script. That is a
      // navigation in the page: the address changes before the choices that carry the zone are drawn,
      // and choosing from the old ones would lose it.
      await page.waitForURL((url) => url.searchParams.get('tz') === 'Europe/London');
      await page
        .locator('form.choices input[name="tz"][value="Europe/London"]')
        .waitFor({ state: 'attached' });
      // The checker suggests the first visit, so booking opens at the practitioner step.
      await expect(page.locator('.choice-summary').textContent()).resolves.toMatch(/Initial consultation/);
      await expect(page.locator('.referral').textContent()).resolves.toMatch(/lower back, buttock/);
      await expectAccessible(page);
      await clickAndWait(page, page.getByRole('button', { name: /First available/ }));
      await expect(page.locator('.times__zone').textContent()).resolves.toMatch(/London time.*New York time/);
      await expect(page.locator('.times__clinic').first().textContent()).resolves.toMatch(/New York time$/);
      await expectAccessible(page);

      const firstTime = page.locator('.times__time').first();
      const chosenLabel = (await firstTime.locator('.times__label').textContent()) ?? '';
      await clickAndWait(page, firstTime);
      expect(new URL(page.url()).pathname).toBe('/book/confirm');
      await expect(page.getByText(/at least 24 hours ahead/).count()).resolves.toBe(1);
      await expect(page.getByText(/until 24 hours before it starts/).count()).resolves.toBe(1);
      await expectAccessible(page);

      // Not signed in: create an account, and come back to the same choice.
      await clickAndWait(page, page.getByRole('link', { name: 'Create an account' }));
      expect(new URL(page.url()).pathname).toBe('/register');
      await expectAccessible(page);
      const email = `journey-${Date.now()}@example.test`;
      await page.getByLabel('First name').fill('Jamie');
      await page.getByLabel('Last name').fill('Journey');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill('a long enough passphrase');
      await clickAndWait(
        page,
        page.getByRole('button', { name: 'Create account' }),
        (url) => url.pathname === '/book/confirm',
      );
      await expect(page.locator('.choice-summary').textContent()).resolves.toContain(chosenLabel);
      await clickAndWait(page, page.getByRole('button', { name: 'Confirm and book' }), (url) =>
        url.pathname.startsWith('/book/booked/'),
      );
      await waitForHeading(page, 'You are booked');
      await expectAccessible(page);

      const calendarHref = await page.getByRole('link', { name: 'Add to my calendar' }).getAttribute('href');
      const calendar = await page.request.get(`${env.baseUrl}${calendarHref}`);
      expect(calendar.headers()['content-type']).toMatch(/^text\/calendar/);
      expect(await calendar.text()).toMatch(/BEGIN:VEVENT[\s\S]*SUMMARY:Initial consultation with/);

      await fillIntake(page, { check: true });

      await page.goto(`${env.baseUrl}/my-care/questionnaires/nprs`);
      await expectAccessible(page);
      await page.getByLabel('6', { exact: true }).check();
      await clickAndWait(
        page,
        page.getByRole('button', { name: 'Send my answers' }),
        (url) => url.pathname === '/my-care',
      );

      await page.goto(`${env.baseUrl}/my-care/questionnaires/rmdq`);
      await expectAccessible(page);
      await page.getByLabel(/^Walking more slowly than usual/).check();
      await page.getByLabel(/^Sleeping less well/).check();
      await clickAndWait(
        page,
        page.getByRole('button', { name: 'Send my answers' }),
        (url) => url.pathname === '/my-care',
      );

      await expect(page.locator('.appointment-card--next').textContent()).resolves.toMatch(
        /Initial consultation with/,
      );
      const charts = page.locator('figure.chart');
      await expect(charts.count()).resolves.toBe(2);
      await expect(charts.nth(0).locator('desc').textContent()).resolves.toMatch(/One score so far: 6/);
      await expect(charts.nth(1).locator('desc').textContent()).resolves.toMatch(/One score so far: 2/);
      await expect(page.getByRole('link', { name: 'Your health form', exact: true }).count()).resolves.toBe(
        0,
      );
      await expectAccessible(page);

      const download = await page.request.get(`${env.baseUrl}/my-care/my-data.json`);
      const exported = await download.json();
      expect(exported.account.email).toBe(email);
      expect(exported.appointments).toHaveLength(1);
      expect(exported.intakeForm.status).toBe('submitted');
      expect(exported.questionnaireResponses.map((r: { score: number }) => r.score)).toEqual([6, 2]);
    });
  }, 180_000);

  it('reschedules and then cancels a visit inside the policy', async () => {
    // In the clinic's own zone, so no time-zone change reloads the page under the test.
    await withPage({ timezoneId: 'America/New_York' }, async (page) => {
      await signIn(page, 'patient18@demo.test');
      await page.goto(`${env.baseUrl}/book?type=follow-up&practitioner=any`);
      // A week ahead, well clear of the 24-hour change window.
      await clickAndWait(page, page.getByRole('link', { name: /Later/ }));
      await clickAndWait(page, page.locator('.times__time').first());
      await clickAndWait(page, page.getByRole('button', { name: 'Confirm and book' }), (url) =>
        url.pathname.startsWith('/book/booked/'),
      );
      await page.goto(`${env.baseUrl}/my-care`);
      const before = await page.locator('.appointment-card--next time').getAttribute('datetime');

      await clickAndWait(page, page.getByRole('link', { name: /^Change time/ }));
      await expectAccessible(page);
      await clickAndWait(page, page.getByRole('link', { name: /Later/ }));
      await clickAndWait(page, page.locator('.times__time').nth(2));
      await expect(page.getByRole('heading', { name: 'Move it to this time?' }).count()).resolves.toBe(1);
      await expectAccessible(page);
      await clickAndWait(
        page,
        page.getByRole('button', { name: 'Yes, move my visit' }),
        (url) => url.pathname === '/my-care',
      );
      await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/Your visit has moved/);
      const after = await page.locator('.appointment-card--next time').getAttribute('datetime');
      expect(after).not.toBe(before);

      await clickAndWait(page, page.getByRole('link', { name: /^Cancel/ }));
      await expectAccessible(page);
      await page.getByLabel(/tell us why/).fill('Feeling much better');
      await clickAndWait(
        page,
        page.getByRole('button', { name: 'Yes, cancel this visit' }),
        (url) => url.pathname === '/my-care',
      );
      await expect(page.getByRole('status').first().textContent()).resolves.toMatch(
        /Your visit is cancelled/,
      );
      await expect(page.getByText('You have no visits booked.').count()).resolves.toBe(1);
      await expect(page.locator('.appointment-list--past').textContent()).resolves.toMatch(/Cancelled/);
    });
  });

  it('books and fills in the health form with JavaScript turned off', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await signIn(page, 'patient19@demo.test');
      await page.goto(`${env.baseUrl}/book`);
      await clickAndWait(page, page.getByRole('button', { name: /Follow-up treatment/ }));
      await clickAndWait(page, page.getByRole('button', { name: /First available/ }));
      // Choose the second free day of the week, then a time.
      await clickAndWait(page, page.locator('.week__day:not([disabled])').nth(1));
      await clickAndWait(page, page.locator('.times__time').first());
      await clickAndWait(page, page.getByRole('button', { name: 'Confirm and book' }));
      await waitForHeading(page, 'You are booked');

      // A step posted with a required answer missing comes back with the message and keeps the text.
      await page.goto(`${env.baseUrl}/my-care/intake?step=about`);
      await page.getByLabel('What would you most like to be able to do again?').fill('Sit through a film');
      await submitInPlace(page, page.getByRole('button', { name: 'Save and continue' }));
      await expect(page.locator('.error-summary').textContent()).resolves.toMatch(
        /Tick where you feel the pain/,
      );
      await expect(
        page.getByLabel('What would you most like to be able to do again?').inputValue(),
      ).resolves.toBe('Sit through a film');
      await fillIntake(page, { check: false });
    });
  });

  it('saves the health form and a questionnaire as they are filled in, before any button is pressed', async () => {
    await withPage({}, async (page) => {
      await signIn(page, 'patient17@demo.test');
      await page.goto(`${env.baseUrl}/my-care/intake?step=health`);
      await page.getByLabel('Allergies').fill('Sticking plasters');
      await page.getByText('Your answers are saved.').waitFor();
      await page.goto(`${env.baseUrl}/my-care/questionnaires/peg`);
      await page
        .getByRole('group', { name: /Average pain/ })
        .getByLabel('7', { exact: true })
        .check();
      await page.getByText('Your answers are saved.').waitFor();
      await page.goto(`${env.baseUrl}/my-care/intake?step=health`);
      await expect(page.getByLabel('Allergies').inputValue()).resolves.toBe('Sticking plasters');
      await page.goto(`${env.baseUrl}/my-care/questionnaires/peg`);
      await expect(
        page
          .getByRole('group', { name: /Average pain/ })
          .getByLabel('7', { exact: true })
          .isChecked(),
      ).resolves.toBe(true);
    });
  });

  it('books with the keyboard alone', async () => {
    await withPage({ timezoneId: 'America/New_York' }, async (page) => {
      await signIn(page, 'patient20@demo.test');
      await page.goto(`${env.baseUrl}/book`);
      /** Presses Tab until the focused element's text matches, then Enter. */
      const tabTo = async (pattern: RegExp) => {
        for (let i = 0; i < 120; i++) {
          await page.keyboard.press('Tab');
          const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
          if (pattern.test(text)) {
            const before = page.url();
            await page.keyboard.press('Enter');
            await page.waitForURL((url) => url.toString() !== before);
            await page.waitForLoadState('load');
            return;
          }
        }
        throw new Error(`never reached ${pattern}`);
      };
      await tabTo(/^Follow-up treatment/);
      await tabTo(/^First available/);
      await tabTo(/^\d{1,2}(:\d\d)? (am|pm)/);
      await tabTo(/^Confirm and book$/);
      await waitForHeading(page, 'You are booked');
    });
  });

  it('sends a visitor to sign in from My care and back, and refuses staff', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${env.baseUrl}/my-care/intake`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/my-care/intake');
      await signIn(page, 'practitioner1@demo.test');
      const response = await page.goto(`${env.baseUrl}/my-care`);
      expect(response?.status()).toBe(403);
    });
  });

  it('checks the account pages with axe-core and at 320 px', async () => {
    await withPage({}, async (page) => {
      for (const path of [
        '/register',
        '/reset-password',
        '/verify-email?token=not-a-token',
        '/reset-password?token=x',
      ]) {
        await page.goto(`${env.baseUrl}${path}`);
        await expectAccessible(page);
      }
      await page.goto(`${env.baseUrl}/reset-password`);
      await page.getByLabel('Email address').fill('nobody-at-all@example.test');
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toMatch(/If there is an account/);
      await expectAccessible(page);
    });
  });
});
