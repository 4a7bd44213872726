import { Link, useRouteLoaderData } from 'react-router';
import { requireStaffRole } from '../staff-access.server';
import type { Route } from './+types/workspace-home';
import type { loader as workspaceLoader } from './workspace';

export function loader({ request, context }: Route.LoaderArgs) {
  requireStaffRole(context, request, 'practitioner');
  return null;
}

export default function WorkspaceHome() {
  const day = useRouteLoaderData<typeof workspaceLoader>('routes/workspace');
  if (!day) return null;
  const open = day.appointments.filter((a) => a.status === 'booked' && a.noteStatus !== 'signed');
  const flagged = day.appointments.filter((a) => a.safetyFindings === null || a.safetyFindings.length > 0);
  const next = open[0];
  return (
    <section className="ws-panel ws-home" aria-labelledby="ws-home-title">
      <h2 id="ws-home-title">{day.date === day.today ? 'Your day' : day.dateLabel}</h2>
      <p>
        {day.appointments.length} appointment{day.appointments.length === 1 ? '' : 's'}; {open.length} still
        to write up.{' '}
        {flagged.length > 0
          ? `${flagged.length} patient${flagged.length === 1 ? ' has' : 's have'} safety flags: check the list.`
          : ''}
      </p>
      {next ? (
        <p>
          <Link className="ws-button" to={`/workspace/visits/${next.id}?${day.query}`}>
            Open {next.time}: {next.patientName}
          </Link>
        </p>
      ) : (
        <p className="ws-muted">Choose an appointment from the list to open the visit.</p>
      )}
    </section>
  );
}
