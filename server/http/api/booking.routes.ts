import { createRoute, z } from '@hono/zod-openapi';
import {
  AppointmentSchema,
  AppointmentTypeSchema,
  AvailabilityQuerySchema,
  AvailabilitySchema,
  BookAppointmentRequestSchema,
  CancelAppointmentRequestSchema,
  IdempotencyKeySchema,
  PractitionerSchema,
  RescheduleAppointmentRequestSchema,
} from '#contracts/booking.ts';
import { RecordIdSchema } from '#contracts/ids.ts';
import { buildAppointmentCalendarFile } from '#services/booking/appointment-calendar.ts';
import { toAppointmentDto } from '#services/booking/appointment-view.ts';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import {
  cancelAppointment,
  loadVisibleAppointment,
  rescheduleAppointment,
} from '#services/booking/change-appointment.ts';
import { findAvailability } from '#services/booking/find-availability.ts';
import { listAppointmentTypes, listMyAppointments } from '#services/booking/list-appointments.ts';
import { loadBookingPolicy } from '#services/booking/scheduling-data.ts';
import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import type { HttpDeps } from '../types.ts';
import { createOpenApiApp, errorResponse, jsonBody, jsonResponse } from './openapi-app.ts';
import { bearerSecurity, requireActor } from './require-viewer.ts';

// CONTRACT.md §4 "Booking". Thin edges: parse, call one service, shape the answer.

const IdParam = z.object({ id: RecordIdSchema });
const tags = ['Booking'];

const listPractitionersRoute = createRoute({
  method: 'get',
  path: '/practitioners',
  tags,
  summary: 'Practitioners and the appointment types each offers',
  responses: { 200: jsonResponse(z.array(PractitionerSchema), 'Active practitioners') },
});

const listTypesRoute = createRoute({
  method: 'get',
  path: '/appointment-types',
  tags,
  summary: 'Appointment types',
  responses: { 200: jsonResponse(z.array(AppointmentTypeSchema), 'Active appointment types') },
});

const availabilityRoute = createRoute({
  method: 'get',
  path: '/availability',
  tags,
  summary: 'Open slots',
  description:
    'Slots of one appointment type between two local dates (inclusive, at most 62 days) in `tz`, shown with the UTC offset of `tz`.',
  request: { query: AvailabilityQuerySchema },
  responses: {
    200: jsonResponse(AvailabilitySchema, 'Open slots, earliest first'),
    400: errorResponse('Malformed query, or more than 62 days'),
    422: errorResponse('Unknown appointment type, or a practitioner who does not offer it'),
  },
});

const bookRoute = createRoute({
  method: 'post',
  path: '/appointments',
  tags,
  summary: 'Book an appointment',
  description:
    'Patients book for themselves; staff name `patientId`. With `Idempotency-Key`, a retry with the same body returns the same appointment (200 on replay).',
  security: bearerSecurity,
  request: {
    body: jsonBody(BookAppointmentRequestSchema),
    headers: z.object({ 'idempotency-key': IdempotencyKeySchema.optional() }),
  },
  responses: {
    200: jsonResponse(AppointmentSchema, 'A replay of an earlier request with the same Idempotency-Key'),
    201: jsonResponse(AppointmentSchema, 'Booked'),
    400: errorResponse('Malformed body'),
    401: errorResponse('No or bad token'),
    403: errorResponse('The account cannot book for this patient'),
    409: errorResponse('`slot_taken`: the time overlaps another appointment or time off'),
    422: errorResponse('Outside working hours, in the past, inside the minimum notice, off the slot grid…'),
  },
});

const listMineRoute = createRoute({
  method: 'get',
  path: '/appointments',
  tags,
  summary: "The caller's appointments",
  security: bearerSecurity,
  responses: {
    200: jsonResponse(z.array(AppointmentSchema), 'Oldest first'),
    401: errorResponse('No or bad token'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/appointments/{id}',
  tags,
  summary: 'One appointment',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(AppointmentSchema, 'The appointment'),
    401: errorResponse('No or bad token'),
    404: errorResponse("Missing, or someone else's"),
  },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/appointments/{id}/cancel',
  tags,
  summary: 'Cancel an appointment',
  description: 'Patients only outside the cancellation window; staff any time, with a reason.',
  security: bearerSecurity,
  request: { params: IdParam, body: jsonBody(CancelAppointmentRequestSchema) },
  responses: {
    200: jsonResponse(AppointmentSchema, 'Cancelled'),
    400: errorResponse('Malformed body'),
    401: errorResponse('No or bad token'),
    404: errorResponse("Missing, or someone else's"),
    422: errorResponse('Inside the cancellation window, already closed, or no reason from staff'),
  },
});

const rescheduleRoute = createRoute({
  method: 'post',
  path: '/appointments/{id}/reschedule',
  tags,
  summary: 'Move an appointment to a new start',
  description: 'Atomic: the old time is given up only if the new one is won.',
  security: bearerSecurity,
  request: { params: IdParam, body: jsonBody(RescheduleAppointmentRequestSchema) },
  responses: {
    200: jsonResponse(AppointmentSchema, 'Moved'),
    400: errorResponse('Malformed body'),
    401: errorResponse('No or bad token'),
    404: errorResponse("Missing, or someone else's"),
    409: errorResponse('`slot_taken`'),
    422: errorResponse('Inside the cancellation window, or the new time breaks a booking rule'),
  },
});

const calendarRoute = createRoute({
  method: 'get',
  path: '/appointments/{id}/calendar.ics',
  tags,
  summary: 'The appointment as an iCalendar file (RFC 5545)',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: { content: { 'text/calendar': { schema: z.string() } }, description: 'VCALENDAR with one VEVENT' },
    401: errorResponse('No or bad token'),
    404: errorResponse("Missing, or someone else's"),
  },
});

export function createBookingRoutes(deps: HttpDeps) {
  const app = createOpenApiApp();
  const ctx = deps.services;

  app.openapi(listPractitionersRoute, async (c) => c.json(await listPractitioners(ctx), 200));
  app.openapi(listTypesRoute, async (c) => c.json(await listAppointmentTypes(ctx), 200));
  app.openapi(availabilityRoute, async (c) => c.json(await findAvailability(ctx, c.req.valid('query')), 200));

  app.openapi(bookRoute, async (c) => {
    const actor = requireActor(c);
    const result = await bookAppointment(
      ctx,
      actor,
      c.req.valid('json'),
      c.req.valid('header')['idempotency-key'],
    );
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return result.replayed ? c.json(result.body, 200) : c.json(result.body, 201);
  });

  app.openapi(listMineRoute, async (c) => c.json(await listMyAppointments(ctx, requireActor(c)), 200));

  app.openapi(getRoute, async (c) => {
    const record = await loadVisibleAppointment(ctx.db, requireActor(c), c.req.valid('param').id);
    return c.json(toAppointmentDto(record, await loadBookingPolicy(ctx.db)), 200);
  });

  app.openapi(cancelRoute, async (c) => {
    const actor = requireActor(c);
    return c.json(
      await cancelAppointment(ctx, actor, c.req.valid('param').id, c.req.valid('json').reason),
      200,
    );
  });

  app.openapi(rescheduleRoute, async (c) => {
    const actor = requireActor(c);
    return c.json(
      await rescheduleAppointment(ctx, actor, c.req.valid('param').id, c.req.valid('json').start),
      200,
    );
  });

  app.openapi(calendarRoute, async (c) => {
    const record = await loadVisibleAppointment(ctx.db, requireActor(c), c.req.valid('param').id);
    const method = record.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const file = buildAppointmentCalendarFile(record, ctx.config, method, ctx.clock.now());
    return c.body(file, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="appointment-${record.id}.ics"`,
    });
  });

  return app;
}
