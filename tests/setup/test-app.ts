import { createApp } from '#server/http/app.ts';
import type { ServiceContext } from '#services/context.ts';

/** The real HTTP app over a test database, driven with `app.request()` (no socket, no build). */
export function createTestApp(
  services: ServiceContext,
  options: { databaseReady?: () => Promise<boolean> } = {},
) {
  return createApp(
    { services, isDatabaseReady: options.databaseReady ?? (async () => true) },
    { software: { version: 'test', releaseDate: '2026-11-25' } },
  );
}

export function jsonRequest(
  body: unknown,
  init: { token?: string; method?: string; headers?: Record<string, string> } = {},
) {
  return {
    method: init.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
