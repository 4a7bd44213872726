import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// The clinical endpoints of CONTRACT.md §4 through the real HTTP app: shapes, status codes and the
// error shape for bad input. The clinical rules themselves are tested in core/clinical.

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(createTestServices(database, createTestClock('2026-11-25T12:00:00Z')));
});
afterAll(() => database?.close());

async function get(path: string) {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as any };
}
async function post(path: string, body: unknown) {
  const res = await app.request(path, jsonRequest(body));
  return { status: res.status, body: (await res.json()) as any };
}

const errorShape = (code: string) => ({
  error: expect.objectContaining({ code, message: expect.any(String) }),
});

describe('compression of JSON answers', () => {
  it('sends small answers as they are, with their length, and gzips large ones', async () => {
    const small = await app.request('/api/v1/acupoints/BL-23', { headers: { 'accept-encoding': 'gzip' } });
    const smallText = await small.text();
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('content-length')).toBe(String(Buffer.byteLength(smallText)));
    expect(JSON.parse(smallText)).toMatchObject({ code: 'BL23' });

    const large = await app.request('/api/v1/conditions/sciatica-radiculopathy', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(large.status).toBe(200);
    expect(large.headers.get('content-encoding')).toBe('gzip');
  });
});

describe('conditions', () => {
  it('lists every condition with its evidence grade', async () => {
    const { status, body } = await get('/api/v1/conditions');
    expect(status).toBe(200);
    expect(body.length).toBe(13);
    expect(body[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      summary: expect.any(String),
      acupunctureEvidence: expect.any(Object),
    });
  });

  it('gives one condition with dated references, and 404 for an unknown id', async () => {
    const found = await get('/api/v1/conditions/sciatica-radiculopathy');
    expect(found.status).toBe(200);
    expect(found.body.id).toBe('sciatica-radiculopathy');
    expect(found.body.references.length).toBeGreaterThan(0);
    const missing = await get('/api/v1/conditions/broken-leg');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(errorShape('not_found'));
  });
});

describe('POST /api/v1/checker', () => {
  it('sends saddle numbness with bladder change to the emergency department and never to booking', async () => {
    const { status, body } = await post('/api/v1/checker', {
      ageYears: 45,
      durationWeeks: 1,
      redFlags: { saddle_numbness: true, bladder_change: true },
    });
    expect(status).toBe(200);
    expect(body.urgency).toBe('emergency');
    expect(body.canBookAcupuncture).toBe(false);
    expect(body.nextStep).toBe('emergency-department');
    expect(body.matchedRedFlags).toEqual(expect.arrayContaining(['saddle_numbness', 'bladder_change']));
  });

  it('offers booking when nothing is flagged, with a duration category', async () => {
    const { status, body } = await post('/api/v1/checker', {
      ageYears: 35,
      durationWeeks: 14,
      firstEpisode: false,
      painAreas: ['lower-back'],
      redFlags: {},
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ urgency: 'routine', canBookAcupuncture: true, durationCategory: 'chronic' });
  });

  it('refuses an unknown red-flag id with 400 naming it', async () => {
    const { status, body } = await post('/api/v1/checker', {
      ageYears: 35,
      durationWeeks: 2,
      redFlags: { headache: true },
    });
    expect(status).toBe(400);
    expect(body).toEqual(errorShape('invalid_request'));
    expect(Object.keys(body.error.fields ?? {}).join(' ')).toContain('redFlags');
  });

  it.each([
    ['a missing age', { durationWeeks: 2, redFlags: {} }],
    ['a negative duration', { ageYears: 30, durationWeeks: -1, redFlags: {} }],
    ['an unknown pain area', { ageYears: 30, durationWeeks: 1, painAreas: ['elbow'], redFlags: {} }],
  ])('refuses %s with 400', async (_label, body) => {
    const res = await post('/api/v1/checker', body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorShape('invalid_request'));
  });
});

describe('acupoints', () => {
  it('finds BL23 first when searching its code, with the contract fields', async () => {
    const { status, body } = await get('/api/v1/acupoints?q=BL23');
    expect(status).toBe(200);
    expect(body[0]).toMatchObject({
      code: 'BL23',
      meridian: 'BL',
      number: 23,
      pinyin: 'Shenshu',
      region: 'lower-back',
      side: 'bilateral',
      backPain: true,
      pregnancyCaution: expect.any(Boolean),
    });
  });

  it('filters to back-pain points', async () => {
    const all = await get('/api/v1/acupoints');
    const backPain = await get('/api/v1/acupoints?backPain=true');
    expect(all.body.length).toBeGreaterThan(361);
    expect(backPain.body.length).toBeGreaterThan(0);
    expect(backPain.body.length).toBeLessThan(all.body.length);
    expect(backPain.body.every((p: { backPain: boolean }) => p.backPain)).toBe(true);
  });

  it('looks up standard and extra points in any common spelling, 404 otherwise', async () => {
    expect((await get('/api/v1/acupoints/EX-B2')).body.code).toBe('EX-B2');
    expect((await get('/api/v1/acupoints/ub-40')).body.code).toBe('BL40');
    const missing = await get('/api/v1/acupoints/BL99');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(errorShape('not_found'));
  });

  it('refuses a backPain value that is not true or false', async () => {
    const { status, body } = await get('/api/v1/acupoints?backPain=yes');
    expect(status).toBe(400);
    expect(body).toEqual(errorShape('invalid_request'));
  });
});

describe('questionnaires', () => {
  it('lists the five instruments', async () => {
    const { status, body } = await get('/api/v1/instruments');
    expect(status).toBe(200);
    expect(body.map((i: { id: string }) => i.id).sort()).toEqual([
      'nprs',
      'odi',
      'peg',
      'rmdq',
      'start-back',
    ]);
  });

  it('serves ODI as a FHIR Questionnaire with the contract linkIds', async () => {
    const { status, body } = await get('/api/v1/instruments/odi');
    expect(status).toBe(200);
    expect(body.resourceType).toBe('Questionnaire');
    const linkIds = JSON.stringify(body.item);
    for (let i = 1; i <= 10; i++) expect(linkIds).toContain(`"odi-${i}"`);
  });

  it('scores ODI with one section missing exactly, unrounded', async () => {
    const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`odi-${i + 1}`, 1]));
    const { status, body } = await post('/api/v1/instruments/odi/score', { answers });
    expect(status).toBe(200);
    expect(body).toMatchObject({ instrument: 'odi', answered: 9, band: 'minimal' });
    expect(body.score).toBeCloseTo((9 / 45) * 100, 12);
  });

  it('refuses ODI with three sections missing with 422', async () => {
    const answers = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`odi-${i + 1}`, 2]));
    const { status, body } = await post('/api/v1/instruments/odi/score', { answers });
    expect(status).toBe(422);
    expect(body).toEqual(errorShape('invalid_answers'));
  });

  it('names the offending field when a PEG answer is out of range', async () => {
    const { status, body } = await post('/api/v1/instruments/peg/score', {
      answers: { 'peg-1': 4, 'peg-2': 11, 'peg-3': 5 },
    });
    expect(status).toBe(422);
    expect(Object.keys(body.error.fields)).toContain('peg-2');
  });

  it('answers 404 for an unknown instrument and 400 for a body without answers', async () => {
    expect((await get('/api/v1/instruments/sf-36')).status).toBe(404);
    expect((await post('/api/v1/instruments/sf-36/score', { answers: {} })).status).toBe(404);
    const malformed = await post('/api/v1/instruments/nprs/score', { nprs: 3 });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual(errorShape('invalid_request'));
  });
});

describe('the OpenAPI document', () => {
  it('lists every clinical endpoint', async () => {
    const { body } = await get('/api/openapi.json');
    expect(body.servers[0].url).toMatch(/\/api$/);
    for (const path of [
      '/v1/conditions',
      '/v1/conditions/{id}',
      '/v1/checker',
      '/v1/acupoints',
      '/v1/acupoints/{code}',
      '/v1/instruments',
      '/v1/instruments/{id}',
      '/v1/instruments/{id}/score',
    ]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
  });
});
