// The whole HTTP app with the built site (`react-router build` output), over the given services,
// driven with `app.request()`. For tests that need real pages; they run after the build
// (vitest.e2e.config.ts, `npm run bench`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { createApp } from '#server/http/app.ts';
import { createSession } from '#services/auth/sessions.ts';
import type { ServiceContext } from '#services/context.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function loadSiteBuild(): Promise<{ build: ServerBuild; clientDir: string }> {
  const entry = `${ROOT}build/server/index.js`;
  if (!existsSync(entry)) throw new Error('build/server/index.js is missing: run `npm run build` first');
  // Produced by `react-router build`; its shape is React Router's ServerBuild.
  const build = (await import(pathToFileURL(entry).href)) as ServerBuild;
  return { build, clientDir: `${ROOT}build/client` };
}

export async function createWebTestApp(services: ServiceContext) {
  return createApp(
    { services, isDatabaseReady: async () => true },
    { web: await loadSiteBuild(), software: { version: 'test', releaseDate: '2026-11-25' } },
  );
}

/** A browser session for `userId`, as the Cookie header a signed-in browser would send. */
export async function sessionCookieFor(services: ServiceContext, userId: string): Promise<string> {
  const session = await createSession(services, userId, 'browser');
  return `bp_session=${session.token}`;
}
