import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CoursePlanSchema } from '#contracts/course.ts';
import { ApiErrorSchema } from '#contracts/errors.ts';
import { PointPlanCheckSchema, SafetyScreenSchema } from '#contracts/safety.ts';
import { EMPTY_SAFETY_INTAKE } from '#core/clinical/safety/index.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// The care-planning endpoints (extensions to CONTRACT.md §4) through the real HTTP app: shapes,
// status codes, the error shape for bad input, and the OpenAPI document. The rules themselves are
// tested in core/clinical/safety and core/clinical/course.

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(createTestServices(database, createTestClock('2026-11-25T12:00:00Z')));
});
afterAll(() => database?.close());

async function post(path: string, body: unknown) {
  const res = await app.request(path, jsonRequest(body));
  return { status: res.status, body: (await res.json()) as unknown };
}

// Each helper checks the status and that the body matches its published schema, then types it.
async function screen(body: unknown) {
  const res = await post('/api/v1/safety-screen', body);
  expect(res.status).toBe(200);
  return SafetyScreenSchema.parse(res.body);
}
async function checkPlan(body: unknown) {
  const res = await post('/api/v1/safety-screen/check-plan', body);
  expect(res.status).toBe(200);
  return PointPlanCheckSchema.parse(res.body);
}
async function planCourse(body: unknown) {
  const res = await post('/api/v1/course-plans', body);
  expect(res.status).toBe(200);
  return CoursePlanSchema.parse(res.body);
}

const errorShape = (code: string, fields?: Record<string, unknown>) => ({
  error: {
    code,
    message: expect.any(String),
    ...(fields ? { fields: expect.objectContaining(fields) } : { fields: expect.any(Object) }),
  },
});

const nothingToReport = { ...EMPTY_SAFETY_INTAKE };
const manual = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  side: 'left',
  stimulation: 'manual',
  depthMm: 8,
  ...extra,
});

describe('POST /api/v1/safety-screen', () => {
  it('clears electroacupuncture for an intake with nothing to report, and still lists what to show', async () => {
    const body = await screen(nothingToReport);
    expect(body).toMatchObject({ contraindications: [], cautions: [], pointsToAvoid: [] });
    expect(body.electroacupunctureAllowed).toBe(true);
    expect(body.practitionerAlerts.join(' ')).toMatch(/count needles in and out/i);
  });

  it('rules out electroacupuncture with a pacemaker and names the rule', async () => {
    const body = await screen({ ...nothingToReport, implants: [{ kind: 'pacemaker', regions: ['chest'] }] });
    expect(body.electroacupunctureAllowed).toBe(false);
    expect(body.contraindications.map((finding) => finding.id)).toContain('pacemaker_icd_electro');
  });

  it('lists points to avoid in pregnancy as cautions, LI4 and SP6 among them', async () => {
    const body = await screen({ ...nothingToReport, pregnancy: 'yes', trimester: 2 });
    expect(body.pointsToAvoid.map((point) => point.code)).toEqual(expect.arrayContaining(['LI4', 'SP6']));
    expect(body.cautions.map((finding) => finding.id)).toContain('pregnancy');
  });

  it('answers 400 for a missing intake question or an unknown implant kind', async () => {
    const { bleedingDisorder: _left, ...missing } = nothingToReport;
    const unanswered = await post('/api/v1/safety-screen', missing);
    expect(unanswered.status).toBe(400);
    expect(unanswered.body).toEqual(errorShape('invalid_request', { bleedingDisorder: expect.any(String) }));
    const unknown = await post('/api/v1/safety-screen', {
      ...nothingToReport,
      implants: [{ kind: 'jetpack', regions: [] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(errorShape('invalid_request', { 'implants.0.kind': expect.any(String) }));
  });

  it('answers 422 naming the field when a trimester is given without a pregnancy', async () => {
    const { status, body } = await post('/api/v1/safety-screen', { ...nothingToReport, trimester: 2 });
    expect(status).toBe(422);
    expect(body).toEqual(errorShape('inconsistent_answers', { trimester: expect.any(String) }));
  });
});

describe('POST /api/v1/safety-screen/check-plan', () => {
  it('finds no conflict in the Cherkin 2009 points for a patient with nothing to report', async () => {
    const body = await checkPlan({
      intake: nothingToReport,
      plan: [manual('BL23'), manual('BL40'), manual('KI3'), manual('GV3', { side: 'midline' })],
    });
    expect(body).toEqual({ conflicts: [], hasContraindication: false, cautionsToAcknowledge: 0 });
  });

  it('names each conflict, contraindications first', async () => {
    const body = await checkPlan({
      intake: { ...nothingToReport, pregnancy: 'yes', trimester: 3 },
      plan: [
        manual('LI4'),
        manual('BL25', { stimulation: 'electro', circuit: 'a' }),
        manual('GB21', { depthMm: 25 }),
        manual('XX99'),
      ],
    });
    expect(body.conflicts.map((c) => `${c.code}:${c.rule}:${c.severity}`)).toEqual([
      'BL25:pregnancy_electro_trunk:contraindication',
      'LI4:pregnancy_points:caution',
      'BL25:pregnancy_points:caution',
      'GB21:pregnancy_points:caution',
      'GB21:pneumothorax_depth:caution',
      'XX99:unknown_point:caution',
    ]);
    expect(body.conflicts.every((c) => c.message.length > 0)).toBe(true);
    expect(body.hasContraindication).toBe(true);
    expect(body.cautionsToAcknowledge).toBe(5);
  });

  it('bars an electroacupuncture circuit that crosses the body', async () => {
    const body = await checkPlan({
      intake: nothingToReport,
      plan: [
        manual('GB34', { stimulation: 'electro', circuit: 'legs' }),
        manual('GB34', { side: 'right', stimulation: 'electro', circuit: 'legs' }),
      ],
    });
    expect(body.conflicts).toEqual([
      expect.objectContaining({ code: 'GB34', side: 'left', rule: 'electro_across_midline' }),
      expect.objectContaining({ code: 'GB34', side: 'right', rule: 'electro_across_midline' }),
    ]);
    expect(body.hasContraindication).toBe(true);
  });

  it('answers 400 for an empty plan or a negative depth', async () => {
    const empty = await post('/api/v1/safety-screen/check-plan', { intake: nothingToReport, plan: [] });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual(errorShape('invalid_request', { plan: expect.any(String) }));
    const negative = await post('/api/v1/safety-screen/check-plan', {
      intake: nothingToReport,
      plan: [manual('BL23', { depthMm: -5 })],
    });
    expect(negative.status).toBe(400);
    expect(negative.body).toEqual(errorShape('invalid_request', { 'plan.0.depthMm': expect.any(String) }));
  });

  it('answers 422 naming each answer or planned point that makes no sense', async () => {
    const { status, body } = await post('/api/v1/safety-screen/check-plan', {
      intake: { ...nothingToReport, pregnancy: 'no', trimester: 1 },
      plan: [
        manual('BL23'),
        manual('BL40', { circuit: 'a' }),
        manual('ST36', { stimulation: 'moxibustion' }),
      ],
    });
    expect(status).toBe(422);
    expect(body).toEqual(
      errorShape('invalid_plan', {
        'intake.trimester': expect.any(String),
        'plan.1.circuit': expect.any(String),
        'plan.2.depthMm': expect.any(String),
      }),
    );
    expect(Object.keys(ApiErrorSchema.parse(body).error.fields ?? {})).toHaveLength(3);
  });
});

describe('POST /api/v1/course-plans', () => {
  it('plans a chronic course for medium STarT Back risk, cut to Medicare’s 12 sessions in 90 days', async () => {
    const body = await planCourse({
      durationCategory: 'chronic',
      startBackBand: 'medium',
      firstSessionDate: '2026-03-02',
      limits: { maxSessions: 12, withinDays: 90 },
    });
    expect(body.sessions).toHaveLength(10);
    expect(body.sessions[0]).toEqual({
      number: 1,
      date: '2026-03-02',
      phase: 'initial',
      reassessment: true,
      instrumentsDue: ['nprs', 'odi', 'start-back'],
    });
    expect(body.sessions.at(-1)).toMatchObject({ date: '2026-05-18', reassessment: true });
    expect(body.truncated).toBe(true);
  });

  it('plans without limits and with the RMDQ when asked', async () => {
    const body = await planCourse({
      durationCategory: 'acute',
      firstSessionDate: '2026-11-02',
      functionInstrument: 'rmdq',
    });
    expect(body.sessions.map((session) => session.date)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-12-07',
      '2026-12-21',
    ]);
    expect(body.sessions[2]?.instrumentsDue).toEqual(['nprs', 'rmdq']);
    expect(body.truncated).toBe(false);
  });

  it.each([
    [
      { durationCategory: 'chronic', firstSessionDate: '2026-03-02', startBackBand: 'extreme' },
      'startBackBand',
    ],
    [{ durationCategory: 'long', firstSessionDate: '2026-03-02' }, 'durationCategory'],
    [{ durationCategory: 'acute', firstSessionDate: '2 March 2026' }, 'firstSessionDate'],
    [{ durationCategory: 'acute' }, 'firstSessionDate'],
    [
      { durationCategory: 'acute', firstSessionDate: '2026-03-02', limits: { maxSessions: '12' } },
      'limits.maxSessions',
    ],
  ])('answers 400 for the malformed body %j', async (request, field) => {
    const { status, body } = await post('/api/v1/course-plans', request);
    expect(status).toBe(400);
    expect(body).toEqual(errorShape('invalid_request', { [field]: expect.any(String) }));
  });

  it.each([
    [{ firstSessionDate: '2026-02-30' }, 'invalid_date', 'firstSessionDate'],
    [{ firstSessionDate: '2026-03-02', limits: { maxSessions: 0 } }, 'invalid_limits', 'limits.maxSessions'],
    [{ firstSessionDate: '2026-03-02', limits: { withinDays: -90 } }, 'invalid_limits', 'limits.withinDays'],
  ])('answers 422 for %j, naming the field', async (request, code, field) => {
    const { status, body } = await post('/api/v1/course-plans', { durationCategory: 'chronic', ...request });
    expect(status).toBe(422);
    expect(body).toEqual(errorShape(code, { [field]: expect.any(String) }));
  });
});

const OpenApiDocumentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
});

describe('the OpenAPI document', () => {
  it('lists the care-planning endpoints with their schemas', async () => {
    const res = await app.request('/api/openapi.json');
    const doc = OpenApiDocumentSchema.parse(await res.json());
    for (const path of ['/v1/safety-screen', '/v1/safety-screen/check-plan', '/v1/course-plans']) {
      expect(Object.keys(doc.paths)).toContain(path);
      expect(Object.keys(doc.paths[path] ?? {})).toEqual(['post']);
    }
    for (const id of [
      'SafetyIntake',
      'SafetyScreen',
      'PointPlanCheckRequest',
      'PointConflict',
      'CoursePlanRequest',
      'CoursePlan',
    ]) {
      expect(Object.keys(doc.components.schemas)).toContain(id);
    }
  });
});
