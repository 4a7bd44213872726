import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Config, loadConfig } from '#config/index.ts';
import { type RunningServer, startServer } from '#server/index.ts';
import { findFreePort } from '#tests/setup/server-process.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Flags that work in this sandbox (shared/STACK.md): no sandboxing as root, no network chatter.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type E2eEnvironment = {
  server: RunningServer;
  /** The server's configuration, e.g. to open its embedded database after `server.stop()`. */
  config: Config;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
};

/** The built app on a fresh embedded database with demo data, and a headless Chromium. */
export async function startE2eEnvironment(): Promise<E2eEnvironment> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'backpoint-e2e-'));
  const port = await findFreePort();
  const config = loadConfig({
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  });
  const server = await startServer(config);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    server,
    config,
    browser,
    baseUrl: server.url,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** axe-core's WCAG 2.x A/AA rules on the page as it is now. */
export async function findAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/**
 * Waits until the page's main heading says `name` (the whole text for a string, a match for a
 * pattern). After a client-side navigation the address changes before React has drawn the new
 * page, so reading the heading at once can still find the previous page's.
 */
export async function waitForHeading(page: Page, name: string | RegExp, timeout = 30_000) {
  const heading = page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
  try {
    await heading.waitFor({ timeout });
  } catch (error) {
    const shown = await page.getByRole('heading', { level: 1 }).allTextContents();
    throw new Error(`expected the heading ${String(name)} on ${page.url()}, found ${JSON.stringify(shown)}`, {
      cause: error,
    });
  }
}
