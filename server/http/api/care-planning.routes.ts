import { createRoute } from '@hono/zod-openapi';
import { CoursePlanRequestSchema, CoursePlanSchema } from '#contracts/course.ts';
import {
  listPointPlanProblems,
  listSafetyIntakeProblems,
  PointPlanCheckRequestSchema,
  PointPlanCheckSchema,
  SafetyIntakeSchema,
  SafetyScreenSchema,
} from '#contracts/safety.ts';
import { planTreatmentCourse } from '#core/clinical/course/index.ts';
import { checkPointPlan, screenSafety } from '#core/clinical/safety/index.ts';
import { apiError } from '../errors.ts';
import { createOpenApiApp, errorResponse, jsonBody, jsonResponse } from './openapi-app.ts';

// Extensions to CONTRACT.md §4 for planning care: the intake safety screen, a check of planned
// points against it, and the treatment-course planner. Pure computations over what the caller
// sends; nothing is read or stored, so no token is needed and the edge calls core/ directly.

const safetyScreenRoute = createRoute({
  method: 'post',
  path: '/safety-screen',
  tags: ['Care planning'],
  summary: 'Screen intake answers before needling',
  description:
    'Contraindications, cautions to acknowledge, points to avoid, whether electroacupuncture and cupping are allowed, and what the practitioner must be shown. Every intake question must be answered.',
  request: { body: jsonBody(SafetyIntakeSchema) },
  responses: {
    200: jsonResponse(SafetyScreenSchema, 'The safety screen'),
    400: errorResponse('Malformed body'),
    422: errorResponse('Answers that contradict each other; `fields` names each one'),
  },
});

const checkPlanRoute = createRoute({
  method: 'post',
  path: '/safety-screen/check-plan',
  tags: ['Care planning'],
  summary: 'Check planned points against the safety screen',
  description:
    'Screens the intake, then names every conflict of the planned points with it and with the rules for every patient (depth over the lung, electroacupuncture circuits). No conflict does not mean the plan is safe.',
  request: { body: jsonBody(PointPlanCheckRequestSchema) },
  responses: {
    200: jsonResponse(PointPlanCheckSchema, 'Each conflict, contraindications first'),
    400: errorResponse('Malformed body'),
    422: errorResponse('Intake answers or planned points that make no sense; `fields` names each one'),
  },
});

const coursePlanRoute = createRoute({
  method: 'post',
  path: '/course-plans',
  tags: ['Care planning'],
  summary: 'Plan a treatment course with review points',
  description:
    'Weekly sessions, then spaced out, with the questionnaires due at each visit, cut to a payer’s limits when given. A proposal for the practitioner; nothing is booked.',
  request: { body: jsonBody(CoursePlanRequestSchema) },
  responses: {
    200: jsonResponse(CoursePlanSchema, 'The dated plan'),
    400: errorResponse('Malformed body'),
    422: errorResponse('A date that does not exist or limits below 1; `fields` names the field'),
  },
});

export function createCarePlanningRoutes() {
  const app = createOpenApiApp();

  app.openapi(safetyScreenRoute, (c) => {
    const intake = c.req.valid('json');
    const problems = listSafetyIntakeProblems(intake);
    if (Object.keys(problems).length > 0) {
      return apiError(c, 422, 'inconsistent_answers', 'Some answers contradict each other.', problems);
    }
    return c.json(screenSafety(intake), 200);
  });

  app.openapi(checkPlanRoute, (c) => {
    const { intake, plan } = c.req.valid('json');
    const problems = { ...listSafetyIntakeProblems(intake, 'intake.'), ...listPointPlanProblems(plan) };
    if (Object.keys(problems).length > 0) {
      return apiError(c, 422, 'invalid_plan', 'Some answers or planned points make no sense.', problems);
    }
    const conflicts = checkPointPlan(screenSafety(intake), plan);
    return c.json(
      {
        conflicts,
        hasContraindication: conflicts.some((conflict) => conflict.severity === 'contraindication'),
        cautionsToAcknowledge: conflicts.filter((conflict) => conflict.severity === 'caution').length,
      },
      200,
    );
  });

  app.openapi(coursePlanRoute, (c) => {
    const result = planTreatmentCourse(c.req.valid('json'));
    if (result.ok) return c.json(result.value, 200);
    const { code, field, message } = result.error;
    return apiError(c, 422, code, message, { [field]: message });
  });

  return app;
}
