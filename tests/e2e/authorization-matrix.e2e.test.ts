import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#config/index.ts';
import { type RunningServer, startServer } from '#server/index.ts';
import { findFreePort } from '#tests/setup/server-process.ts';

// Issue 8: the authorisation matrix. Every route that shows or changes a person's records, for
// every role and ownership — owner patient, another patient, the treating practitioner, another
// practitioner, the admin, a visitor — through the real built app: web pages (session cookie),
// the JSON API and the FHIR API (bearer tokens). Someone else's record is always 404 (or 403 for a
// page of another role), never data. Expectations follow services/auth/access-policy.ts.
//
// Demo clinic (CONTRACT.md §2 and services/demo/demo-records-data.ts): patient1 is treated by
// practitioner1 only; patient2 by practitioner2; practitioner3 has never seen patient1.

type Who = 'visitor' | 'owner' | 'otherPatient' | 'treating' | 'otherPractitioner' | 'admin';
const EMAIL: Record<Exclude<Who, 'visitor'>, string> = {
  owner: 'patient1@demo.test',
  otherPatient: 'patient2@demo.test',
  treating: 'practitioner1@demo.test',
  otherPractitioner: 'practitioner3@demo.test',
  admin: 'admin@demo.test',
};
const EVERYONE: Who[] = ['visitor', 'owner', 'otherPatient', 'treating', 'otherPractitioner', 'admin'];

// What a person without access may get back: never 200 and never the record.
type Expected = 'ok' | 'denied' | 'sign-in' | 'unauthenticated' | 'unprocessable';

let server: RunningServer;
let dataDir: string;
let base: string;
const tokens: Partial<Record<Who, string>> = {};
const cookies: Partial<Record<Who, string>> = {};
const ids = { patient: '', appointment: '', cancellable: '', outbox: '' };
let cases = 0;

async function webSignIn(email: string): Promise<string> {
  const page = await fetch(`${base}/sign-in`);
  const csrfCookie = (page.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ _csrf: token, email, password: 'backpoint-demo-2026' }).toString(),
  });
  const session = (res.headers.getSetCookie() ?? []).find((c) => c.startsWith('bp_session='));
  if (!session) throw new Error(`web sign-in failed for ${email}: ${res.status}`);
  return `${csrfCookie}; ${session.split(';')[0]}`;
}

async function apiToken(email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'backpoint-demo-2026' }),
  });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'backpoint-authz-'));
  const port = await findFreePort();
  server = await startServer(
    loadConfig({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', MAIL_WORKER: '0' }),
  );
  base = server.url;
  for (const [who, email] of Object.entries(EMAIL) as [Exclude<Who, 'visitor'>, string][]) {
    tokens[who] = await apiToken(email);
    cookies[who] = await webSignIn(email);
  }
  const auth = { authorization: `Bearer ${tokens.owner}` };
  const mine = (await (await fetch(`${base}/api/v1/appointments`, { headers: auth })).json()) as {
    id: string;
    patientId: string;
    status: string;
    start: string;
  }[];
  const upcoming = mine.find(
    (a) => a.status === 'booked' && Date.parse(a.start) > Date.now() + 2 * 86_400_000,
  );
  if (!upcoming) throw new Error('patient1 has no upcoming appointment in the demo data');
  ids.appointment = upcoming.id;
  ids.patient = upcoming.patientId;
  const practitioners = (await (await fetch(`${base}/api/v1/practitioners`)).json()) as {
    id: string;
    displayName: string;
  }[];
  const chen = practitioners.find((p) => p.displayName === 'Mei-Lin Chen')!;
  // A second appointment of patient1 with their practitioner, for the one case that cancels.
  const from = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = (await (
    await fetch(
      `${base}/api/v1/availability?appointmentType=maintenance&practitioner=${chen.id}&from=${from}&to=${to}`,
    )
  ).json()) as { slots: { start: string }[] };
  const booked = await fetch(`${base}/api/v1/appointments`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      practitionerId: chen.id,
      appointmentType: 'maintenance',
      start: slots.at(-1)!.start,
    }),
  });
  ids.cancellable = ((await booked.json()) as { id: string }).id;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`authorisation matrix: ${cases} cases`);
});

function classify(status: number, location: string | null): Expected {
  if (status === 200 || status === 201 || status === 204) return 'ok';
  if (status === 401) return 'unauthenticated';
  if (status === 422) return 'unprocessable';
  if ((status === 302 || status === 303) && location?.startsWith('/sign-in')) return 'sign-in';
  return status === 403 || status === 404 ? 'denied' : (`status ${status}` as Expected);
}

async function request(kind: 'page' | 'api' | 'fhir', who: Who, method: string, url: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (kind === 'page' && who !== 'visitor') headers.cookie = cookies[who]!;
  if (kind !== 'page' && who !== 'visitor') headers.authorization = `Bearer ${tokens[who]}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    redirect: 'manual',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { outcome: classify(res.status, res.headers.get('location')), text };
}

type Row = {
  kind: 'page' | 'api' | 'fhir';
  method?: string;
  url: () => string;
  body?: unknown;
  expect: Record<Who, Expected>;
};

const page = (ok: Who[], url: () => string): Row => ({
  kind: 'page',
  url,
  expect: Object.fromEntries(
    EVERYONE.map((w) => [w, ok.includes(w) ? 'ok' : w === 'visitor' ? 'sign-in' : 'denied']),
  ) as Record<Who, Expected>,
});
const api = (ok: Who[], url: () => string, extra: Partial<Row> = {}, okAs: Expected = 'ok'): Row => ({
  kind: 'api',
  url,
  ...extra,
  expect: Object.fromEntries(
    EVERYONE.map((w) => [w, ok.includes(w) ? okAs : w === 'visitor' ? 'unauthenticated' : 'denied']),
  ) as Record<Who, Expected>,
});
const fhir = (ok: Who[], url: () => string): Row => ({ ...api(ok, url), kind: 'fhir' });

// The access policy: appointments for owner, treating practitioner and admin; clinical records for
// owner and treating practitioner; workspace for practitioners; admin pages for admins.
const APPOINTMENT_READERS: Who[] = ['owner', 'treating', 'admin'];
const CLINICAL_READERS: Who[] = ['owner', 'treating'];

const MATRIX: Row[] = [
  page(['owner', 'otherPatient'], () => '/my-care'),
  page(['owner', 'otherPatient'], () => '/my-care/intake'),
  page(['owner'], () => `/my-care/appointments/${ids.appointment}/reschedule`),
  page(['owner'], () => `/my-care/appointments/${ids.appointment}/cancel`),
  page(['owner'], () => `/my-care/appointments/${ids.appointment}/calendar.ics`),
  page(['owner', 'otherPatient'], () => '/my-care/my-data.json'),
  page(['owner'], () => `/book/booked/${ids.appointment}`),
  page(['treating', 'otherPractitioner'], () => '/workspace'),
  page(['treating'], () => `/workspace/patients/${ids.patient}`),
  page(['treating'], () => `/workspace/visits/${ids.appointment}`),
  page(['admin'], () => '/admin'),
  page(['admin'], () => '/admin/schedule'),
  page(['admin'], () => '/admin/booking'),
  page(['admin'], () => '/admin/outbox'),
  page(['admin'], () => '/admin/inbox'),
  page(['admin'], () => '/admin/comments'),
  page(['admin'], () => '/admin/articles'),
  api(APPOINTMENT_READERS, () => `/api/v1/appointments/${ids.appointment}`),
  api(APPOINTMENT_READERS, () => `/api/v1/appointments/${ids.appointment}/calendar.ics`),
  // A start in the past: whoever may move it gets 422 and nothing changes; everyone else 404.
  api(
    APPOINTMENT_READERS,
    () => `/api/v1/appointments/${ids.appointment}/reschedule`,
    { method: 'POST', body: { start: '2020-01-06T10:00:00Z' } },
    'unprocessable',
  ),
  // Staff must give a reason (422, nothing changes); the owner's cancel runs last and succeeds.
  {
    kind: 'api',
    method: 'POST',
    url: () => `/api/v1/appointments/${ids.cancellable}/cancel`,
    body: {},
    expect: {
      visitor: 'unauthenticated',
      otherPatient: 'denied',
      otherPractitioner: 'denied',
      treating: 'unprocessable',
      admin: 'unprocessable',
      owner: 'ok',
    },
  },
  fhir(APPOINTMENT_READERS, () => `/fhir/R4/Patient/${ids.patient}`),
  fhir(APPOINTMENT_READERS, () => `/fhir/R4/Appointment/${ids.appointment}`),
  // An admin's $everything holds the patient and appointments only (checked below).
  fhir(APPOINTMENT_READERS, () => `/fhir/R4/Patient/${ids.patient}/%24everything`),
];

describe('the authorisation matrix', () => {
  it('patient1 has visits, scores and notes in the demo clinic', () => {
    expect(ids.patient).not.toBe('');
  });

  for (const row of MATRIX) {
    // The owner last: their row may change the record (the cancel).
    const order: Who[] = ['visitor', 'otherPatient', 'otherPractitioner', 'treating', 'admin', 'owner'];
    it(`${row.kind} ${row.method ?? 'GET'} ${row.url.toString().replace(/^\(\) => /, '')}`, async () => {
      for (const who of order) {
        const { outcome, text } = await request(row.kind, who, row.method ?? 'GET', row.url(), row.body);
        cases += 1;
        expect({ who, outcome }).toEqual({ who, outcome: row.expect[who] });
        // A refusal never carries patient1's record (their own name in their own header is fine).
        if (outcome !== 'ok' && who !== 'owner') expect(text).not.toContain('Alex Rivera');
      }
    });
  }

  it('never lets anyone but the owner and treating practitioner read patient1’s clinical records over FHIR', async () => {
    const everything = await request('fhir', 'owner', 'GET', `/fhir/R4/Patient/${ids.patient}/%24everything`);
    const bundle = JSON.parse(everything.text) as {
      entry: { resource: { resourceType: string; id: string } }[];
    };
    const records = bundle.entry
      .map((e) => e.resource)
      .filter((r) =>
        ['Encounter', 'QuestionnaireResponse', 'Observation', 'Procedure', 'Condition'].includes(
          r.resourceType,
        ),
      );
    expect(records.length).toBeGreaterThan(0);
    for (const record of records.slice(0, 12)) {
      for (const who of EVERYONE) {
        const { outcome } = await request('fhir', who, 'GET', `/fhir/R4/${record.resourceType}/${record.id}`);
        cases += 1;
        const expected = CLINICAL_READERS.includes(who)
          ? 'ok'
          : who === 'visitor'
            ? 'unauthenticated'
            : 'denied';
        expect({ who, type: record.resourceType, outcome }).toEqual({
          who,
          type: record.resourceType,
          outcome: expected,
        });
      }
      for (const who of ['otherPatient', 'otherPractitioner', 'admin'] as Who[]) {
        const { text } = await request(
          'fhir',
          who,
          'GET',
          `/fhir/R4/${record.resourceType}?patient=${ids.patient}`,
        );
        cases += 1;
        expect(text).not.toContain(record.id);
      }
    }
  });
});
