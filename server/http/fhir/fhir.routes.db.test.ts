import type { Bundle, CapabilityStatement, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '#core/shared/stable-id.ts';
import { appointments, auditEvents } from '#db/schema/index.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { type Journey, journeyIds, runPatientJourney } from '#tests/fhir/patient-journey.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { FHIR_RESOURCES } from './registry.ts';

// CONTRACT.md §5 through the real HTTP app: the demo clinic plus a patient journey made through the
// services (tests/fhir/patient-journey.ts). "Now" ends on Thursday 2026-03-12 16:00 UTC.

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let journey: Journey;
const clock = createTestClock('2026-03-02T15:00:00Z');
const tokens: Record<string, string> = {};
const { treatedPatient, otherPatient, noShowPatient, practitioner1 } = journeyIds;

async function signIn(email: string) {
  const res = await app.request(
    '/api/v1/auth/token',
    jsonRequest({ email, password: 'backpoint-demo-2026' }),
  );
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, clock);
  await loadDemoData(services);
  app = createTestApp(services);
  journey = await runPatientJourney(services, clock);
  for (const who of ['patient15', 'patient16', 'practitioner1', 'practitioner2', 'admin']) {
    tokens[who] = await signIn(`${who}@demo.test`);
  }
}, 120_000);
afterAll(() => database?.close());

async function get<T = Resource>(path: string, token?: string) {
  const res = await app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    headers: res.headers,
    body: (await res.json()) as T,
  };
}

const ids = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource?.id);
const types = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource?.resourceType);

describe('GET /fhir/R4/metadata', () => {
  it('answers without a token and lists exactly the registered resources and search parameters', async () => {
    const { status, type, body } = await get<CapabilityStatement>('/fhir/R4/metadata');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/fhir\+json/);
    expect(body.fhirVersion).toBe('4.0.1');
    const rest = body.rest![0]!;
    expect(rest.resource!.map((r) => r.type)).toEqual(FHIR_RESOURCES.map((r) => r.type));
    for (const r of FHIR_RESOURCES) {
      const listed = rest.resource!.find((x) => x.type === r.type)!;
      expect(listed.searchParam!.map((p) => p.name)).toEqual(r.searchParams.map((p) => p.name));
      expect(listed.interaction!.map((i) => i.code)).toEqual(r.interactions);
    }
    expect(rest.resource!.find((r) => r.type === 'Patient')!.operation![0]!.name).toBe('everything');
  });
});

describe('authentication and errors', () => {
  it.each([
    ['no token', undefined],
    ['an unknown token', 'not-a-real-token'],
  ])('answers 401 with an OperationOutcome for %s', async (_case, token) => {
    const { status, type, body, headers } = await get<OperationOutcome>('/fhir/R4/Patient', token);
    expect(status).toBe(401);
    expect(type).toMatch(/^application\/fhir\+json/);
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue[0]!.code).toBe('login');
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a token that has expired (12 hours)', async () => {
    const token = await signIn('patient15@demo.test');
    clock.set('2026-03-13T04:00:01Z');
    expect((await get('/fhir/R4/Patient', token)).status).toBe(401);
    clock.set('2026-03-12T16:00:00Z');
  });

  it.each([
    ['an unknown id', `/fhir/R4/Patient/${stableUuid('patient:999')}`, 404, 'not-found'],
    ['an id that is not ours', '/fhir/R4/Appointment/abc', 404, 'not-found'],
    ['an unsupported type', '/fhir/R4/Medication', 404, 'not-supported'],
    ['an unknown search parameter', '/fhir/R4/Appointment?colour=blue', 400, 'invalid'],
    ['a modifier', '/fhir/R4/Patient?name:exact=Ada', 400, 'invalid'],
    ['a malformed date', '/fhir/R4/Appointment?date=2026-13-01', 400, 'invalid'],
    ['an unsupported date prefix', '/fhir/R4/Appointment?date=ap2026-03-09', 400, 'invalid'],
    ['a bad _count', '/fhir/R4/Appointment?_count=lots', 400, 'invalid'],
    ['a too large _count', '/fhir/R4/Appointment?_count=100000', 400, 'invalid'],
    ['a repeated token parameter', '/fhir/R4/Appointment?status=booked&status=cancelled', 400, 'invalid'],
    ['XML', '/fhir/R4/Patient?_format=xml', 406, 'not-supported'],
    ['an unsupported operation', `/fhir/R4/Patient/${treatedPatient}/$validate`, 404, 'not-supported'],
  ])('answers %s with an OperationOutcome', async (_case, path, status, code) => {
    const res = await get<OperationOutcome>(path, tokens.admin);
    expect(res.status).toBe(status);
    expect(res.type).toMatch(/^application\/fhir\+json/);
    expect(res.body.issue[0]!.code).toBe(code);
  });

  it('is read-only: a POST is 405', async () => {
    const res = await app.request('/fhir/R4/Patient', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Patient' }),
    });
    expect(res.status).toBe(405);
    expect(((await res.json()) as OperationOutcome).issue[0]!.code).toBe('not-supported');
  });
});

describe('who sees which patients', () => {
  it('shows a patient only themselves, and another patient as 404', async () => {
    const mine = await get<Bundle>('/fhir/R4/Patient', tokens.patient15);
    expect(ids(mine.body)).toEqual([treatedPatient]);
    expect((await get(`/fhir/R4/Patient/${treatedPatient}`, tokens.patient15)).status).toBe(200);
    expect((await get(`/fhir/R4/Patient/${otherPatient}`, tokens.patient15)).status).toBe(404);
    expect((await get(`/fhir/R4/Appointment/${journey.cancelledId}`, tokens.patient15)).status).toBe(404);
    const theirs = await get<Bundle>(
      `/fhir/R4/Appointment?patient=Patient/${otherPatient}`,
      tokens.patient15,
    );
    expect(theirs.body.total).toBe(0);
  });

  it('shows a practitioner the patients with an appointment with them, and no one else', async () => {
    const theirPatients = await database.db
      .selectDistinct({ id: appointments.patientId })
      .from(appointments)
      .where(eq(appointments.practitionerId, practitioner1));
    const seen = await get<Bundle>('/fhir/R4/Patient?_count=500', tokens.practitioner1);
    expect(ids(seen.body).sort()).toEqual(theirPatients.map((p) => p.id).sort());
    expect(ids(seen.body)).toEqual(expect.arrayContaining([treatedPatient, noShowPatient]));
    expect(ids(seen.body)).not.toContain(otherPatient);
    expect((await get(`/fhir/R4/Patient/${otherPatient}`, tokens.practitioner1)).status).toBe(404);
    expect((await get(`/fhir/R4/Patient/${otherPatient}/$everything`, tokens.practitioner1)).status).toBe(
      404,
    );
    const hidden = await get<Bundle>(`/fhir/R4/Appointment?patient=${otherPatient}`, tokens.practitioner1);
    expect(hidden.body.total).toBe(0);
    const own = await get<Bundle>(`/fhir/R4/Appointment?patient=${otherPatient}`, tokens.practitioner2);
    expect(ids(own.body)).toEqual([journey.cancelledId]);
    const notTheirs = await get<Bundle>(
      `/fhir/R4/Appointment?patient=${treatedPatient}`,
      tokens.practitioner2,
    );
    expect(notTheirs.body.total).toBe(0);
  });

  it('shows an admin every patient, with paging links', async () => {
    const first = await get<Bundle>('/fhir/R4/Patient?_count=8', tokens.admin);
    expect(first.body.total).toBe(20);
    expect(first.body.entry).toHaveLength(8);
    const next = first.body.link!.find((l) => l.relation === 'next')!;
    expect(next.url).toMatch(/\/fhir\/R4\/Patient\?_count=8&_offset=8$/);
    const second = await get<Bundle>(next.url.replace(/^https?:\/\/[^/]+/, ''), tokens.admin);
    expect(second.body.entry).toHaveLength(8);
    expect(ids(second.body).some((id) => ids(first.body).includes(id))).toBe(false);
    expect(second.body.link!.find((l) => l.relation === 'previous')).toBeDefined();
  });

  it('audits reads of clinical records with who read what', async () => {
    await get(`/fhir/R4/Patient/${treatedPatient}`, tokens.practitioner1);
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'fhir.read'), eq(auditEvents.entityId, treatedPatient)));
    expect(
      rows.some((r) => r.actorUserId === stableUuid('user:practitioner1') && r.entityType === 'Patient'),
    ).toBe(true);
  });
});

describe('search', () => {
  it('finds patients by name and gender', async () => {
    const admin = tokens.admin;
    const all = await get<Bundle>('/fhir/R4/Patient?_count=50', admin);
    const someone = all.body.entry![0]!.resource as { name: Array<{ family: string }>; gender: string };
    const byName = await get<Bundle>(
      `/fhir/R4/Patient?name=${someone.name[0]!.family.slice(0, 3).toLowerCase()}`,
      admin,
    );
    expect(ids(byName.body)).toContain(all.body.entry![0]!.resource!.id);
    // `%` is a character to match, not a wildcard.
    expect((await get<Bundle>('/fhir/R4/Patient?name=%25', admin)).body.total).toBe(0);
    const byGender = await get<Bundle>(`/fhir/R4/Patient?gender=${someone.gender}&_count=50`, admin);
    expect(
      (byGender.body.entry ?? []).every((e) => (e.resource as { gender: string }).gender === someone.gender),
    ).toBe(true);
  });

  it('maps appointment statuses and filters by status, practitioner and date range', async () => {
    const mine = await get<Bundle>(`/fhir/R4/Appointment?patient=${treatedPatient}`, tokens.admin);
    expect(ids(mine.body)).toEqual([journey.visitId, journey.laterVisitId]);
    const journeyPatients = `patient=${treatedPatient},${otherPatient},${noShowPatient}`;
    const statuses = await get<Bundle>(
      `/fhir/R4/Appointment?status=fulfilled,noshow,cancelled&${journeyPatients}`,
      tokens.admin,
    );
    expect(
      (statuses.body.entry ?? []).map((e) => [e.resource!.id, (e.resource as { status: string }).status]),
    ).toEqual([
      [journey.visitId, 'fulfilled'],
      [journey.cancelledId, 'cancelled'],
      [journey.noShowId, 'noshow'],
    ]);
    const week = await get<Bundle>(
      `/fhir/R4/Appointment?practitioner=Practitioner/${practitioner1}&date=ge2026-03-09&date=lt2026-03-12&${journeyPatients}`,
      tokens.admin,
    );
    expect(ids(week.body)).toEqual([journey.visitId, journey.noShowId]);
    const day = await get<Bundle>(`/fhir/R4/Appointment?date=2026-03-09&${journeyPatients}`, tokens.admin);
    expect(ids(day.body)).toEqual([journey.visitId]);
    const byId = await get<Bundle>(`/fhir/R4/Appointment?_id=${journey.noShowId},nonsense`, tokens.admin);
    expect(ids(byId.body)).toEqual([journey.noShowId]);
  });

  it('has an Encounter only for the visit that took place, with the local times of the new offset', async () => {
    const encounters = await get<Bundle>(
      `/fhir/R4/Encounter?subject=Patient/${treatedPatient}`,
      tokens.patient15,
    );
    expect(ids(encounters.body)).toEqual([journey.visitId]);
    const encounter = encounters.body.entry![0]!.resource as { period: { start: string } };
    expect(encounter.period.start).toBe('2026-03-09T10:00:00-04:00');
    expect((await get(`/fhir/R4/Encounter/${journey.laterVisitId}`, tokens.admin)).status).toBe(404);
  });

  it('serves the signed note as a Procedure with a bodySite per charted point', async () => {
    const procedures = await get<Bundle>(
      `/fhir/R4/Procedure?patient=${treatedPatient}`,
      tokens.practitioner1,
    );
    expect(ids(procedures.body)).toEqual([journey.noteId]);
    const procedure = procedures.body.entry![0]!.resource as {
      bodySite: Array<{ coding: Array<{ code: string }> }>;
      code: { coding: Array<{ system: string; code: string }> };
    };
    expect(procedure.bodySite.map((s) => s.coding[0]!.code)).toEqual(['BL23', 'BL25', 'GB30', 'BL40']);
    expect(procedure.code.coding).toContainEqual(
      expect.objectContaining({ system: 'http://www.ama-assn.org/go/cpt', code: '97813' }),
    );
  });

  it('finds score observations by LOINC code and date, and the visit pain score', async () => {
    const odi = await get<Bundle>(
      `/fhir/R4/Observation?patient=${treatedPatient}&code=http://loinc.org|97909-6`,
      tokens.practitioner1,
    );
    expect(odi.body.total).toBe(1);
    const nprs = await get<Bundle>(
      `/fhir/R4/Observation?subject=Patient/${treatedPatient}&code=72514-3`,
      tokens.practitioner1,
    );
    // The visit's pain score and the NPRS questionnaire both use LOINC 72514-3.
    expect(ids(nprs.body)).toEqual([`${journey.noteId}-pain`, expect.any(String)]);
    const afterVisit = await get<Bundle>(
      `/fhir/R4/Observation?patient=${treatedPatient}&date=ge2026-03-09`,
      tokens.practitioner1,
    );
    expect(afterVisit.body.total).toBe(2);
    const pain = await get<{ valueQuantity: { value: number } }>(
      `/fhir/R4/Observation/${journey.noteId}-pain`,
      tokens.patient15,
    );
    expect(pain.body.valueQuantity.value).toBe(6);
  });

  it('finds questionnaire responses by questionnaire, by canonical URL too', async () => {
    const odi = await get<Bundle>(
      `/fhir/R4/QuestionnaireResponse?patient=${treatedPatient}&questionnaire=Questionnaire/odi`,
      tokens.practitioner1,
    );
    expect(odi.body.total).toBe(1);
    const questionnaire = await get<{ url: string }>('/fhir/R4/Questionnaire/odi', tokens.patient15);
    const byUrl = await get<Bundle>(
      `/fhir/R4/QuestionnaireResponse?questionnaire=${encodeURIComponent(questionnaire.body.url)}`,
      tokens.patient15,
    );
    expect(ids(byUrl.body)).toEqual(ids(odi.body));
    const all = await get<Bundle>('/fhir/R4/Questionnaire', tokens.patient15);
    expect(ids(all.body)).toEqual(['nprs', 'peg', 'odi', 'rmdq', 'start-back']);
  });

  it('lists free slots for a schedule within a bounded window, and reads one back', async () => {
    const schedule = await get<{ actor: Array<{ reference: string }> }>(
      `/fhir/R4/Schedule/${practitioner1}`,
      tokens.patient15,
    );
    expect(schedule.body.actor[0]!.reference).toBe(`Practitioner/${practitioner1}`);
    const slots = await get<Bundle>(
      `/fhir/R4/Slot?schedule=Schedule/${practitioner1}&service-type=follow-up&start=ge2026-03-16&start=lt2026-03-17`,
      tokens.patient15,
    );
    const starts = (slots.body.entry ?? []).map((e) => (e.resource as { start: string }).start);
    // 09:00–17:00 EDT less the 10:00 follow-up already booked (and its 45 minutes).
    expect(starts[0]).toBe('2026-03-16T09:00:00-04:00');
    expect(starts).not.toContain('2026-03-16T10:00:00-04:00');
    const slotId = slots.body.entry![0]!.resource!.id!;
    expect((await get(`/fhir/R4/Slot/${slotId}`, tokens.patient15)).status).toBe(200);
    const tooLong = await get<OperationOutcome>(
      '/fhir/R4/Slot?start=ge2026-04-01&start=lt2026-06-01',
      tokens.patient15,
    );
    expect(tooLong.status).toBe(400);
  });

  it('serves the condition the practitioner recorded, coded from the library', async () => {
    const conditions = await get<Bundle>(`/fhir/R4/Condition?patient=${treatedPatient}`, tokens.patient15);
    expect(conditions.status).toBe(200);
    expect(conditions.body.total).toBe(1);
    const condition = conditions.body.entry![0]!.resource as { code: { coding: { code: string }[] } };
    expect(condition.code.coding.map((c) => c.code)).toContain('nonspecific-low-back-pain');
  });
});

describe('GET /fhir/R4/Patient/{id}/$everything', () => {
  it('gathers the patient and every record about them, with the practitioner and location included', async () => {
    const { status, body } = await get<Bundle>(
      `/fhir/R4/Patient/${treatedPatient}/$everything`,
      tokens.patient15,
    );
    expect(status).toBe(200);
    expect(body.type).toBe('searchset');
    expect(new Set(types(body))).toEqual(
      new Set([
        'Patient',
        'Appointment',
        'Encounter',
        'QuestionnaireResponse',
        'Observation',
        'Procedure',
        'Condition',
        'Practitioner',
        'Location',
      ]),
    );
    expect(types(body).filter((t) => t === 'QuestionnaireResponse')).toHaveLength(4);
    const included = (body.entry ?? [])
      .filter((e) => e.search?.mode === 'include')
      .map((e) => e.resource?.id);
    expect(included).toContain(practitioner1);
    // Nothing of anyone else.
    const other = JSON.stringify(body);
    expect(other).not.toContain(otherPatient);
    expect(other).not.toContain(noShowPatient);
  });
});

describe('admins run the clinic but do not read clinical records', () => {
  it('shows an admin the patient and appointments, and no visits, scores, notes or conditions', async () => {
    expect((await get(`/fhir/R4/Patient/${treatedPatient}`, tokens.admin)).status).toBe(200);
    const appointments = await get<Bundle>(`/fhir/R4/Appointment?patient=${treatedPatient}`, tokens.admin);
    expect(appointments.body.total).toBeGreaterThan(0);
    for (const type of ['Encounter', 'QuestionnaireResponse', 'Observation', 'Procedure', 'Condition']) {
      const search = await get<Bundle>(`/fhir/R4/${type}?patient=${treatedPatient}`, tokens.admin);
      expect(search.status).toBe(200);
      expect(search.body.total).toBe(0);
      const asPractitioner = await get<Bundle>(
        `/fhir/R4/${type}?patient=${treatedPatient}`,
        tokens.practitioner1,
      );
      const first = asPractitioner.body.entry?.[0]?.resource;
      expect(first).toBeDefined();
      expect((await get(`/fhir/R4/${type}/${first!.id}`, tokens.admin)).status).toBe(404);
    }
    const everything = await get<Bundle>(`/fhir/R4/Patient/${treatedPatient}/$everything`, tokens.admin);
    const types = new Set((everything.body.entry ?? []).map((e) => e.resource!.resourceType));
    expect(
      [...types].filter((t) => ['Encounter', 'Observation', 'Procedure', 'Condition'].includes(t)),
    ).toEqual([]);
  });
});

describe('every resource served is valid against the R4 base definitions', () => {
  // A generated sample of every registered type, from the demo clinic after the journey: each
  // searchset Bundle, then up to 25 resources of each type read one by one.
  const SAMPLE = 25;
  const searches: Record<string, string> = {
    Slot: `/fhir/R4/Slot?schedule=${practitioner1}&_count=${SAMPLE}`,
  };

  // Clinical records are read by the treating practitioner: admins do not see them (access policy).
  const CLINICAL = new Set(['Encounter', 'QuestionnaireResponse', 'Observation', 'Procedure', 'Condition']);

  it.each(FHIR_RESOURCES.map((r) => r.type))('%s', async (type) => {
    const { validateR4 } = await import('#tests/fhir/validate-r4.ts');
    const reader = CLINICAL.has(type) ? tokens.practitioner1 : tokens.admin;
    const search = await get<Bundle>(searches[type] ?? `/fhir/R4/${type}?_count=${SAMPLE}`, reader);
    expect(search.status).toBe(200);
    const reports = [validateR4(search.body)];
    const sample = (search.body.entry ?? []).map((e) => e.resource!);
    for (const resource of sample) {
      const read = await get(`/fhir/R4/${type}/${resource.id}`, reader);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(resource);
      reports.push(validateR4(read.body));
    }
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    expect(sample.length).toBeGreaterThan(0);
  });

  it('Patient/$everything, the CapabilityStatement and an OperationOutcome', async () => {
    const { validateR4 } = await import('#tests/fhir/validate-r4.ts');
    const everything = await get<Bundle>(
      `/fhir/R4/Patient/${treatedPatient}/$everything`,
      tokens.practitioner1,
    );
    const metadata = await get<CapabilityStatement>('/fhir/R4/metadata');
    const outcome = await get<OperationOutcome>('/fhir/R4/Appointment?date=nonsense', tokens.admin);
    const reports = [everything.body, metadata.body, outcome.body].map((r) => validateR4(r));
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    // The terminology check really ran: Appointment.status, Encounter.status, … are required bindings.
    expect(reports[0]!.requiredBindingsChecked).toBeGreaterThan(50);
  });
});
