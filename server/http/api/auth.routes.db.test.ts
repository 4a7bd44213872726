import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
const clock = createTestClock('2026-11-25T12:00:00Z');
const PASSWORD = 'backpoint-demo-2026';

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, clock);
  await loadDemoData(services);
  app = createTestApp(services);
});
afterAll(() => database?.close());

async function requestToken(body: unknown) {
  const res = await app.request('/api/v1/auth/token', jsonRequest(body));
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

describe('POST /api/v1/auth/token', () => {
  it('gives a demo patient a bearer token with its expiry and role', async () => {
    const { status, body } = await requestToken({ email: 'patient1@demo.test', password: PASSWORD });
    expect(status).toBe(200);
    expect(body.token).toEqual(expect.any(String));
    expect(new Date(String(body.expiresAt)).getTime()).toBeGreaterThan(clock.now().getTime());
    expect(body.user).toEqual({ id: expect.any(String), role: 'patient' });
  });

  it('treats the email case-insensitively', async () => {
    const { status } = await requestToken({ email: '  Patient2@Demo.TEST ', password: PASSWORD });
    expect(status).toBe(200);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrongPassword = await requestToken({ email: 'patient3@demo.test', password: 'not-the-password' });
    const unknownEmail = await requestToken({ email: 'nobody@demo.test', password: 'not-the-password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body).toEqual({
      error: { code: 'invalid_credentials', message: expect.any(String) },
    });
  });

  it.each([
    ['broken JSON', '{"email":'],
    ['a missing password', { email: 'patient1@demo.test' }],
    ['a number for the email', { email: 42, password: PASSWORD }],
    ['an array', [1, 2]],
  ])('answers %s with 400 in the contract error shape', async (_label, body) => {
    const res = await app.request('/api/v1/auth/token', jsonRequest(body));
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toMatch(/^[a-z_]+$/);
    expect(json.error.message.length).toBeGreaterThan(0);
  });

  it('names the missing field', async () => {
    const res = await app.request('/api/v1/auth/token', jsonRequest({ email: 'patient1@demo.test' }));
    const json = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(json.error.fields)).toEqual(['password']);
  });

  it('answers a form-encoded body with 400, not 5xx', async () => {
    const res = await app.request('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a&password=b',
    });
    expect(res.status).toBe(400);
  });

  it('answers a body over 1 MB with 413', async () => {
    const res = await app.request(
      '/api/v1/auth/token',
      jsonRequest({ email: 'patient1@demo.test', password: 'x'.repeat(1_100_000) }),
    );
    expect(res.status).toBe(413);
  });

  it('limits attempts per account with 429 and Retry-After, whether or not the account exists', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const r = await requestToken({ email: 'ghost@demo.test', password: `guess-${i}` });
      statuses.push(r.status);
      retryAfter ??= r.headers.get('retry-after');
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('bearer tokens', () => {
  it('refuses an unknown token with 401', async () => {
    const res = await app.request('/api/v1/anything', {
      headers: { authorization: 'Bearer not-a-real-token' },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
  });

  it('stops accepting a token once it has expired', async () => {
    const { body } = await requestToken({ email: 'patient4@demo.test', password: PASSWORD });
    const token = String(body.token);
    const before = await app.request('/api/v1/no-such-route', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(before.status).toBe(404);
    clock.advance(13 * 3600_000);
    const after = await app.request('/api/v1/no-such-route', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
    clock.set('2026-11-25T12:00:00Z');
  });
});

describe('account lock-out', () => {
  it('locks an account after five wrong passwords, answers as for a wrong password, and unlocks with backoff', async () => {
    clock.set('2026-11-26T12:00:00Z'); // a fresh window for the in-memory per-account limiter
    const email = 'patient7@demo.test';
    for (let i = 0; i < 5; i++)
      expect((await requestToken({ email, password: `wrong-${i}` })).status).toBe(401);
    // Locked: even the right password gets the same 401 as a wrong one.
    const locked = await requestToken({ email, password: PASSWORD });
    const unknown = await requestToken({ email: 'nobody-at-all@demo.test', password: PASSWORD });
    expect(locked.status).toBe(401);
    expect(locked.body).toEqual(unknown.body);
    clock.advance(61_000);
    expect((await requestToken({ email, password: PASSWORD })).status).toBe(200);
    // A success clears the count: four more failures do not lock again.
    for (let i = 0; i < 4; i++) await requestToken({ email, password: `wrong-again-${i}` });
    expect((await requestToken({ email, password: PASSWORD })).status).toBe(200);
    clock.set('2026-11-25T12:00:00Z');
  });

  it('doubles the lock for every further failure', async () => {
    const { lockoutDurationMs } = await import('#services/auth/sign-in.ts');
    expect([4, 5, 6, 7, 20].map(lockoutDurationMs)).toEqual([0, 60_000, 120_000, 240_000, 3600_000]);
  });
});

describe('signing out', () => {
  const whoAmI = (token: string) =>
    app.request('/api/v1/appointments', { headers: { authorization: `Bearer ${token}` } });

  it('revokes the token used, and only that one', async () => {
    const a = String((await requestToken({ email: 'patient8@demo.test', password: PASSWORD })).body.token);
    const b = String((await requestToken({ email: 'patient8@demo.test', password: PASSWORD })).body.token);
    const res = await app.request('/api/v1/auth/sign-out', {
      method: 'POST',
      headers: { authorization: `Bearer ${a}` },
    });
    expect(res.status).toBe(200);
    expect((await whoAmI(a)).status).toBe(401);
    expect((await whoAmI(b)).status).toBe(200);
  });

  it('signs out everywhere: every token of the account stops working', async () => {
    const tokens = [];
    for (let i = 0; i < 3; i++) {
      tokens.push(
        String((await requestToken({ email: 'patient9@demo.test', password: PASSWORD })).body.token),
      );
    }
    const res = await app.request('/api/v1/auth/sign-out-everywhere', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[0]}` },
    });
    expect(await res.json()).toEqual({ revokedSessions: 3 });
    for (const token of tokens) expect((await whoAmI(token)).status).toBe(401);
    expect((await app.request('/api/v1/auth/sign-out-everywhere', { method: 'POST' })).status).toBe(401);
  });
});

describe('service endpoints', () => {
  it('answers /healthz with 200 {"status":"ok"} while the database answers', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /healthz with 503 and a reason when the database does not', async () => {
    const down = createTestApp(createTestServices(database, clock), { databaseReady: async () => false });
    const res = await down.request('/healthz');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { reason: string }).reason).toMatch(/database/);
  });

  it('serves an OpenAPI 3.1 document that lists the token route', async () => {
    const res = await app.request('/api/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/v1/auth/token');
  });

  it('serves a FHIR R4 CapabilityStatement without a token', async () => {
    const res = await app.request('/fhir/R4/metadata');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/fhir+json');
    const statement = (await res.json()) as { resourceType: string; fhirVersion: string };
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
  });
});
