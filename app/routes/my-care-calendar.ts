import { data } from 'react-router';
import { isRecordId } from '#contracts/ids.ts';
import { buildAppointmentCalendarFile } from '#services/booking/appointment-calendar.ts';
import { loadVisibleAppointment } from '#services/booking/change-appointment.ts';
import { describeRefusal, requirePatient } from '../patient-access.server';
import type { Route } from './+types/my-care-calendar';

// The "add to calendar" file of one of the patient's appointments (RFC 5545, as the API serves it).
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePatient(context, request);
  if (!isRecordId(params.id)) throw data('Not found', { status: 404 });
  try {
    const record = await loadVisibleAppointment(context.services.db, actor, params.id);
    const method = record.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const file = buildAppointmentCalendarFile(
      record,
      context.services.config,
      method,
      context.services.clock.now(),
    );
    return new Response(file, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="backpoint-appointment-${record.id}.ics"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    const refusal = describeRefusal(error);
    throw data(refusal.message, { status: refusal.status });
  }
}
