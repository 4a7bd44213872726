import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2eEnvironment,
  findAccessibilityViolations,
  startE2eEnvironment,
  waitForHeading,
} from './browser.ts';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(() => env?.close());

type Answers = {
  areas: string[];
  duration: string;
  age: string;
  firstTime: string;
  /** Labels (or parts of labels) to tick on each red-flag screen; empty means "None of these". */
  nerves?: RegExp[];
  onset?: RegExp[];
  health?: RegExp[];
  pattern?: RegExp[];
  pregnant?: string;
};

const ROUTINE: Answers = {
  areas: ['Lower back', 'Buttock'],
  duration: '3 months to a year',
  age: '44',
  firstTime: 'No, I have had it before',
  pregnant: 'No',
};

async function submit(page: Page, name: RegExp = /^(Continue|See my result)$/) {
  // Works with and without JavaScript: wait for the next document or the next question.
  const before = await page.locator('h1').first().textContent();
  await page.getByRole('button', { name }).click();
  await page.waitForFunction((previous) => document.querySelector('h1')?.textContent !== previous, before, {
    timeout: 15_000,
  });
}

async function answerFlags(page: Page, flags: RegExp[] | undefined) {
  if (!flags || flags.length === 0) await page.getByLabel('None of these').check();
  else for (const flag of flags) await page.getByLabel(flag).check();
  await submit(page);
}

/** Walks the checker; stops early when an emergency answer ends it. */
async function runChecker(page: Page, answers: Answers) {
  await page.goto(`${env.baseUrl}/checker`);
  for (const area of answers.areas) await page.getByLabel(area, { exact: true }).check();
  await submit(page);
  await page.getByLabel(answers.duration).check();
  await submit(page);
  await page.getByLabel('How old are you?').fill(answers.age);
  await submit(page);
  await page.getByLabel(answers.firstTime).check();
  await submit(page);
  for (const group of ['nerves', 'onset', 'health', 'pattern'] as const) {
    await answerFlags(page, answers[group]);
    if (page.url().endsWith('/checker/result')) return;
  }
  await page.getByLabel(answers.pregnant ?? 'No', { exact: true }).check();
  await submit(page);
}

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

describe('the condition checker', () => {
  it('sends a possible cauda equina to a calm stop page with a phone number and no way to book', async () => {
    // On a small phone, where it matters most.
    await withPage({ viewport: { width: 320, height: 700 } }, async (page) => {
      await runChecker(page, { ...ROUTINE, nerves: [/between your legs/, /bladder/] });
      expect(new URL(page.url()).pathname).toBe('/checker/result');
      await waitForHeading(page, 'Go to an emergency department now');
      await expect(page.locator('a[href="tel:911"]').count()).resolves.toBeGreaterThan(0);
      // No booking link anywhere on the page, the site header included.
      await expect(page.locator('a[href^="/book"]').count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: /book/i }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /book/i }).count()).resolves.toBe(0);
      await expect(page.locator('form[action^="/book"]').count()).resolves.toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });
  });

  it('ends the check as soon as an emergency sign is ticked, before the later questions', async () => {
    await withPage({}, async (page) => {
      await runChecker(page, { ...ROUTINE, nerves: [/getting weaker/] });
      expect(new URL(page.url()).pathname).toBe('/checker/result');
      await expect(page.getByText('What you told us').count()).resolves.toBe(1);
      await expect(page.locator('a[href^="/book"]').count()).resolves.toBe(0);
    });
  });

  it('shows an urgent result without any booking link', async () => {
    await withPage({}, async (page) => {
      await runChecker(page, { ...ROUTINE, health: [/had cancer/] });
      await waitForHeading(page, /See a doctor today/);
      await expect(page.locator('a[href^="/book"]').count()).resolves.toBe(0);
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });
  });

  it('gives a routine result with advice, likely conditions and a booking link carrying the answers', async () => {
    await withPage({}, async (page) => {
      await runChecker(page, ROUTINE);
      await waitForHeading(page, 'You can book acupuncture');
      await expect(page.getByRole('link', { name: 'Low back pain (non-specific)' }).count()).resolves.toBe(1);
      const href = await page.getByRole('link', { name: 'Book an appointment' }).getAttribute('href');
      const url = new URL(href ?? '', env.baseUrl);
      expect(url.pathname).toBe('/book');
      expect(url.searchParams.get('urgency')).toBe('routine');
      expect(url.searchParams.get('duration')).toBe('chronic');
      expect(url.searchParams.get('age')).toBe('44');
      expect(url.searchParams.get('areas')).toBe('lower-back,buttock');
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });
  });

  it('works with JavaScript turned off, from the first question to the result', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await runChecker(page, { ...ROUTINE, health: [/lost weight/] });
      await waitForHeading(page, /See your doctor/);
      const href = await page.getByRole('link', { name: 'Book an appointment' }).getAttribute('href');
      expect(new URL(href ?? '', env.baseUrl).searchParams.get('flags')).toBe('weight_loss');
    });
  });

  it('keeps earlier answers when going back, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      await withPage({ javaScriptEnabled }, async (page) => {
        await page.goto(`${env.baseUrl}/checker`);
        await page.getByLabel('Neck', { exact: true }).check();
        await submit(page);
        await page.getByLabel('2 to 6 weeks').check();
        await submit(page);
        await expect(page.getByText('Question 3 of 9').count()).resolves.toBe(1);
        await submit(page, /Back/);
        await expect(page.getByLabel('2 to 6 weeks').isChecked()).resolves.toBe(true);
        await submit(page, /Back/);
        await expect(page.getByLabel('Neck', { exact: true }).isChecked()).resolves.toBe(true);
        await expect(page.getByText('Question 1 of 9').count()).resolves.toBe(1);
      });
    }
  });

  it('says what is missing when a question is skipped, and stays on it', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(`${env.baseUrl}/checker`);
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Continue' }).click(),
      ]);
      expect(response?.status()).toBe(400);
      await expect(page.locator('#step-error').textContent()).resolves.toMatch(/at least one place/);
      await expect(page.getByText('Question 1 of 9').count()).resolves.toBe(1);
    });
    // axe runs in the page, so this half needs JavaScript.
    await withPage({}, async (page) => {
      await page.goto(`${env.baseUrl}/checker`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('#step-error').waitFor();
      expect(await findAccessibilityViolations(page)).toEqual([]);
    });
  });

  it('sends someone without finished answers from the result address back to the start', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${env.baseUrl}/checker/result`);
      expect(new URL(page.url()).pathname).toBe('/checker');
    });
  });
});
