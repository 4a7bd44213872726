import { createRoute, z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { RecordIdSchema } from '#contracts/ids.ts';
import {
  SignVisitNoteRequestSchema,
  VisitNoteDraftRequestSchema,
  type VisitNoteDto,
  VisitNoteSavedSchema,
  VisitNoteSchema,
  WorkspaceDayQuerySchema,
  WorkspaceDaySchema,
} from '#contracts/workspace.ts';
import { formatOffsetDateTime } from '#core/scheduling/offset-date-time.ts';
import {
  findVisitNoteForAppointment,
  saveVisitNoteDraft,
  signVisitNote,
} from '#services/records/visit-notes.ts';
import { findClinicToday, listWorkspaceDay } from '#services/records/workspace-day.ts';
import { apiError } from '../errors.ts';
import type { HttpDeps } from '../types.ts';
import { createOpenApiApp, errorResponse, jsonBody, jsonResponse } from './openapi-app.ts';
import { bearerSecurity, requireActor } from './require-viewer.ts';

// The practitioner workspace over JSON (contracts/workspace.ts): the day's list and the visit note
// with the same optimistic version as the web page. Practitioners only.

const tags = ['Workspace'];
const AppointmentParam = z.object({ appointmentId: RecordIdSchema });

const dayRoute = createRoute({
  method: 'get',
  path: '/workspace/day',
  tags,
  summary: "The signed-in practitioner's appointments on one day",
  security: bearerSecurity,
  request: { query: WorkspaceDayQuerySchema },
  responses: {
    200: jsonResponse(WorkspaceDaySchema, 'Appointments in time order, with note status and safety flags'),
    400: errorResponse('Malformed date'),
    401: errorResponse('No or bad token'),
    403: errorResponse('Not a practitioner'),
  },
});

const getNoteRoute = createRoute({
  method: 'get',
  path: '/visits/{appointmentId}/note',
  tags,
  summary: 'The visit note of an appointment',
  security: bearerSecurity,
  request: { params: AppointmentParam },
  responses: {
    200: jsonResponse(VisitNoteSchema, 'The note with its points, adverse events and addenda'),
    401: errorResponse('No or bad token'),
    403: errorResponse('Not a practitioner'),
    404: errorResponse('No note yet, or a patient the practitioner does not treat'),
  },
});

const saveNoteRoute = createRoute({
  method: 'put',
  path: '/visits/{appointmentId}/note',
  tags,
  summary: 'Save the draft note against the version last read',
  security: bearerSecurity,
  request: { params: AppointmentParam, body: jsonBody(VisitNoteDraftRequestSchema) },
  responses: {
    200: jsonResponse(VisitNoteSavedSchema, 'Saved; the new version'),
    400: errorResponse('Malformed body'),
    401: errorResponse('No or bad token'),
    403: errorResponse('Not the practitioner who treats this visit'),
    404: errorResponse('No such appointment'),
    409: errorResponse('`version_conflict`: changed elsewhere since read; `note_signed`: locked'),
    422: errorResponse('A cancelled or missed appointment'),
  },
});

const signNoteRoute = createRoute({
  method: 'post',
  path: '/visits/{appointmentId}/note/sign',
  tags,
  summary: 'Sign and lock the note',
  description: 'Refused while a needle that went in has not come out, or a safety caution is unacknowledged.',
  security: bearerSecurity,
  request: { params: AppointmentParam, body: jsonBody(SignVisitNoteRequestSchema) },
  responses: {
    200: jsonResponse(VisitNoteSavedSchema, 'Signed; the final version'),
    400: errorResponse('Malformed body'),
    401: errorResponse('No or bad token'),
    403: errorResponse('Not the practitioner who treats this visit'),
    404: errorResponse('No note yet'),
    409: errorResponse('Stale version, or already signed'),
    422: errorResponse('`needle_count_missing`, `needle_count_mismatch` or `cautions_not_acknowledged`'),
  },
});

function inZone(date: Date, timeZone: string): string {
  return formatOffsetDateTime(
    Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone),
  );
}

export function createWorkspaceRoutes(deps: HttpDeps) {
  const app = createOpenApiApp();
  const ctx = deps.services;
  const tz = ctx.config.clinic.timeZone;

  app.openapi(dayRoute, async (c) => {
    const actor = requireActor(c);
    const date = c.req.valid('query').date ?? findClinicToday(ctx);
    const day = await listWorkspaceDay(ctx, actor, { date });
    return c.json(
      {
        date: day.date,
        timeZone: day.timeZone,
        practitionerId: day.practitionerId,
        appointments: day.appointments.map((a) => ({
          id: a.id,
          start: inZone(a.startAt, tz),
          end: inZone(a.endAt, tz),
          status: a.status,
          patientId: a.patientId,
          patientName: a.patientName,
          appointmentTypeName: a.appointmentTypeName,
          noteStatus: a.noteStatus,
          safetyFlags:
            a.safetyFindings?.map((f) => ({ id: f.id, severity: f.severity, text: f.text })) ?? null,
        })),
      },
      200,
    );
  });

  app.openapi(getNoteRoute, async (c) => {
    const note = await findVisitNoteForAppointment(ctx, requireActor(c), c.req.valid('param').appointmentId);
    if (!note) return apiError(c, 404, 'not_found', 'No note has been started for this appointment.');
    const body: VisitNoteDto = {
      id: note.id,
      appointmentId: note.appointmentId,
      patientId: note.patientId,
      status: note.status,
      version: note.version,
      subjective: note.subjective,
      objective: note.objective,
      assessment: note.assessment,
      plan: note.plan,
      aftercare: note.aftercare,
      painScore: note.painScore,
      needlesIn: note.needlesIn,
      needlesOut: note.needlesOut,
      acknowledgedCautions: note.acknowledgedCautions,
      signedAt: note.signedAt ? inZone(note.signedAt, tz) : null,
      signedBy: note.signedByName,
      points: note.points.map((p) => ({
        code: p.code,
        side: p.side,
        technique: p.technique,
        stimulation: p.stimulation,
        depthMm: p.depthMm,
        gaugeMm: p.gaugeMm,
        retentionMinutes: p.retentionMinutes,
        frequencyHz: p.frequencyHz,
        circuit: p.circuit,
        needleCount: p.needleCount,
      })),
      adverseEvents: note.adverseEvents.map((e) => ({
        kind: e.kind,
        severity: e.severity,
        description: e.description,
        occurredAt: inZone(e.occurredAt, tz),
      })),
      addenda: note.addenda.map((a) => ({
        text: a.text,
        author: a.authorName,
        createdAt: inZone(a.createdAt, tz),
      })),
    };
    return c.json(body, 200);
  });

  app.openapi(saveNoteRoute, async (c) => {
    const input = c.req.valid('json');
    const saved = await saveVisitNoteDraft(ctx, requireActor(c), c.req.valid('param').appointmentId, {
      ...input,
      painScore: input.painScore ?? undefined,
      needlesIn: input.needlesIn ?? undefined,
      needlesOut: input.needlesOut ?? undefined,
      acknowledge: input.acknowledge ?? [],
    });
    return c.json(saved, 200);
  });

  app.openapi(signNoteRoute, async (c) => {
    const actor = requireActor(c);
    const note = await findVisitNoteForAppointment(ctx, actor, c.req.valid('param').appointmentId);
    if (!note) return apiError(c, 404, 'not_found', 'No note has been started for this appointment.');
    const signed = await signVisitNote(ctx, actor, note.id, c.req.valid('json').version);
    return c.json({ noteId: note.id, version: signed.version }, 200);
  });

  return app;
}
