import { createRoute, z } from '@hono/zod-openapi';
import { AcupointQuerySchema, AcupointSchema } from '#contracts/acupoints.ts';
import { CheckerRequestSchema, CheckerResultSchema } from '#contracts/checker.ts';
import { ConditionSchema, ConditionSummaryListSchema } from '#contracts/conditions.ts';
import {
  InstrumentScoreSchema,
  InstrumentSummarySchema,
  ScoreRequestSchema,
} from '#contracts/instruments.ts';
import { findAcupoint, searchAcupoints } from '#core/clinical/acupoints/index.ts';
import { findCondition, listConditions } from '#core/clinical/conditions/index.ts';
import { listInstruments } from '#core/clinical/instruments/catalogue.ts';
import { getQuestionnaire } from '#core/clinical/instruments/questionnaires.ts';
import { scoreInstrument } from '#core/clinical/instruments/scoring.ts';
import { triageBackPain } from '#core/clinical/triage/triage.ts';
import { apiError } from '../errors.ts';
import type { HttpDeps } from '../types.ts';
import { createOpenApiApp, errorResponse, jsonBody, jsonResponse } from './openapi-app.ts';

// The clinical core's endpoints (CONTRACT.md §4). Pure computations with no data access: the
// edge calls core/ directly rather than through a pass-through service.

const IdParam = z.object({ id: z.string().min(1).max(100) });

// A FHIR R4 Questionnaire; its structure is checked against the R4 definitions in the tests.
const QuestionnaireSchema = z
  .looseObject({ resourceType: z.literal('Questionnaire'), id: z.string(), item: z.array(z.looseObject({})) })
  .meta({ id: 'Questionnaire' });

const listConditionsRoute = createRoute({
  method: 'get',
  path: '/conditions',
  tags: ['Conditions and checker'],
  summary: 'The condition library',
  responses: { 200: jsonResponse(ConditionSummaryListSchema, 'Every condition, with its evidence summary') },
});

const getConditionRoute = createRoute({
  method: 'get',
  path: '/conditions/{id}',
  tags: ['Conditions and checker'],
  summary: 'One condition with references',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(ConditionSchema, 'The full entry'),
    404: errorResponse('No such condition'),
  },
});

const checkerRoute = createRoute({
  method: 'post',
  path: '/checker',
  tags: ['Conditions and checker'],
  summary: 'Screen for red flags and suggest a next step',
  description:
    'A safety net, not a diagnosis. `emergency` and `urgent` always give `canBookAcupuncture: false`. Unknown red-flag ids are a 400.',
  request: { body: jsonBody(CheckerRequestSchema) },
  responses: {
    200: jsonResponse(CheckerResultSchema, 'The triage result'),
    400: errorResponse('Malformed body'),
  },
});

const listInstrumentsRoute = createRoute({
  method: 'get',
  path: '/instruments',
  tags: ['Questionnaires'],
  summary: 'Outcome measures',
  responses: { 200: jsonResponse(z.array(InstrumentSummarySchema), 'Every instrument with its licence') },
});

const getInstrumentRoute = createRoute({
  method: 'get',
  path: '/instruments/{id}',
  tags: ['Questionnaires'],
  summary: 'An instrument as a FHIR R4 Questionnaire',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(QuestionnaireSchema, 'The Questionnaire'),
    404: errorResponse('No such instrument'),
  },
});

const scoreRoute = createRoute({
  method: 'post',
  path: '/instruments/{id}/score',
  tags: ['Questionnaires'],
  summary: 'Score answers exactly',
  request: { params: IdParam, body: jsonBody(ScoreRequestSchema) },
  responses: {
    200: jsonResponse(InstrumentScoreSchema, 'The exact score, band and subscores'),
    400: errorResponse('Malformed body'),
    404: errorResponse('No such instrument'),
    422: errorResponse('Answers that cannot be scored; `fields` names each offending linkId'),
  },
});

const listAcupointsRoute = createRoute({
  method: 'get',
  path: '/acupoints',
  tags: ['Acupoints'],
  summary: 'Search the 361 WHO points and the common extra points',
  description: 'Best matches first: the exact code, codes that begin with `q`, pinyin names, then regions.',
  request: { query: AcupointQuerySchema },
  responses: {
    200: jsonResponse(z.array(AcupointSchema), 'Matching points'),
    400: errorResponse('A query value of the wrong kind'),
  },
});

const getAcupointRoute = createRoute({
  method: 'get',
  path: '/acupoints/{code}',
  tags: ['Acupoints'],
  summary: 'One point by code (`BL23`, `ub-23` and `EX-B2` all work)',
  request: { params: z.object({ code: z.string().min(1).max(20) }) },
  responses: { 200: jsonResponse(AcupointSchema, 'The point'), 404: errorResponse('No such point') },
});

export function createClinicalRoutes(deps: HttpDeps) {
  const app = createOpenApiApp();

  app.openapi(listConditionsRoute, (c) =>
    c.json(
      listConditions().map(({ id, name, summary, acupunctureEvidence }) => ({
        id,
        name,
        summary,
        acupunctureEvidence,
      })),
      200,
    ),
  );

  app.openapi(getConditionRoute, (c) => {
    const found = findCondition(c.req.valid('param').id);
    if (!found.ok) return apiError(c, 404, 'not_found', 'There is no condition with that id.');
    return c.json(found.value, 200);
  });

  app.openapi(checkerRoute, (c) => {
    const input = c.req.valid('json');
    const result = triageBackPain({ ...input, emergencyNumber: deps.services.config.clinic.emergencyNumber });
    return c.json(result, 200);
  });

  app.openapi(listInstrumentsRoute, (c) => c.json(listInstruments(), 200));

  app.openapi(getInstrumentRoute, (c) => {
    const found = getQuestionnaire(c.req.valid('param').id);
    if (!found.ok) return apiError(c, 404, 'not_found', 'There is no instrument with that id.');
    return c.json(found.value as unknown as z.infer<typeof QuestionnaireSchema>, 200);
  });

  app.openapi(scoreRoute, (c) => {
    const result = scoreInstrument(c.req.valid('param').id, c.req.valid('json').answers);
    if (result.ok) return c.json(result.value, 200);
    if (result.error.code === 'not_found')
      return apiError(c, 404, 'not_found', 'There is no instrument with that id.');
    return apiError(c, 422, 'invalid_answers', 'Some answers cannot be scored.', result.error.fields);
  });

  app.openapi(listAcupointsRoute, (c) => c.json(searchAcupoints(c.req.valid('query')), 200));

  app.openapi(getAcupointRoute, (c) => {
    const point = findAcupoint(c.req.valid('param').code);
    if (!point) return apiError(c, 404, 'not_found', 'There is no acupoint with that code.');
    return c.json(point, 200);
  });

  return app;
}
