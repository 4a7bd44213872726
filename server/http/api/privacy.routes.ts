import { createRoute, z } from '@hono/zod-openapi';
import { RecordIdSchema } from '#contracts/ids.ts';
import {
  completeDeletion,
  listDeletionRequests,
  requestDeletion,
} from '#services/privacy/deletion-requests.ts';
import { exportMyData } from '#services/records/export-my-data.ts';
import type { HttpDeps } from '../types.ts';
import { createOpenApiApp, errorResponse, jsonBody, jsonResponse } from './openapi-app.ts';
import { bearerSecurity, requireActor } from './require-viewer.ts';

// Privacy (issue 8): a patient downloads everything held about them and may ask for erasure; an
// admin carries erasure out. The FHIR form of the export is GET /fhir/R4/Patient/{id}/$everything.

const DeletionRequestSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    status: z.enum(['requested', 'completed']),
    reason: z.string(),
    requestedAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'DeletionRequest' });

const DeletionRequestBodySchema = z
  .object({ reason: z.string().max(1000).optional() })
  .meta({ id: 'DeletionRequestBody' });

const tags = ['Privacy'];

const exportRoute = createRoute({
  method: 'get',
  path: '/me/export',
  tags,
  summary: 'Everything the clinic holds about the calling patient, as JSON',
  security: bearerSecurity,
  responses: {
    200: jsonResponse(
      z.looseObject({ format: z.string() }),
      'The export (format backpoint-patient-export/1)',
    ),
    401: errorResponse('No or bad token'),
    403: errorResponse('Not a patient account'),
  },
});

const requestRoute = createRoute({
  method: 'post',
  path: '/me/deletion-request',
  tags,
  summary: 'Ask the clinic to erase your personal data',
  description: 'Clinical records are kept for the legal retention period, attached to an anonymised patient.',
  security: bearerSecurity,
  request: { body: jsonBody(DeletionRequestBodySchema) },
  responses: {
    202: jsonResponse(DeletionRequestSchema, 'Recorded; staff carry it out'),
    400: errorResponse('Malformed body'),
    401: errorResponse('No or bad token'),
    403: errorResponse('Not a patient account'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/admin/deletion-requests',
  tags,
  summary: 'Deletion requests (admins)',
  security: bearerSecurity,
  responses: {
    200: jsonResponse(z.array(DeletionRequestSchema), 'Oldest first'),
    401: errorResponse('No or bad token'),
    403: errorResponse('Admins only'),
  },
});

const completeRoute = createRoute({
  method: 'post',
  path: '/admin/deletion-requests/{id}/complete',
  tags,
  summary: 'Carry out a deletion request (admins)',
  security: bearerSecurity,
  request: { params: z.object({ id: RecordIdSchema }) },
  responses: {
    200: jsonResponse(DeletionRequestSchema, 'Completed'),
    401: errorResponse('No or bad token'),
    403: errorResponse('Admins only'),
    404: errorResponse('No such request'),
  },
});

type RequestRow = Awaited<ReturnType<typeof requestDeletion>>;
function toDto(row: RequestRow) {
  return {
    id: row.id,
    patientId: row.patientId,
    status: row.status,
    reason: row.reason,
    requestedAt: row.requestedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

export function createPrivacyRoutes(deps: HttpDeps) {
  const app = createOpenApiApp();
  const ctx = deps.services;
  app.openapi(exportRoute, async (c) => {
    const data = (await exportMyData(ctx, requireActor(c))) as unknown as { format: string };
    c.header('Content-Disposition', 'attachment; filename="my-backpoint-data.json"');
    c.header('Cache-Control', 'private, no-store');
    return c.json(data, 200);
  });
  app.openapi(requestRoute, async (c) =>
    c.json(toDto(await requestDeletion(ctx, requireActor(c), c.req.valid('json').reason)), 202),
  );
  app.openapi(listRoute, async (c) =>
    c.json((await listDeletionRequests(ctx, requireActor(c))).map(toDto), 200),
  );
  app.openapi(completeRoute, async (c) =>
    c.json(toDto(await completeDeletion(ctx, requireActor(c), c.req.valid('param').id)), 200),
  );
  return app;
}
