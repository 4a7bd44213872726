import { useEffect } from 'react';
import { Form, Link, Outlet, type ShouldRevalidateFunctionArgs, useNavigate, useParams } from 'react-router';
import { findClinicToday, listWorkspaceDay } from '#services/records/workspace-day.ts';
import { formatShortDate, formatTimeIn, isIsoDate, shiftDate } from '../clinic-time.server';
import { SafetyBadges } from '../components/workspace/safety-flags';
import { requireStaffRole, toRouteError } from '../staff-access.server';
import workspaceHref from '../workspace.css?url';
import type { Route } from './+types/workspace';

// The practitioner's workspace (DESIGN.md "Practitioners are busy"): the day's list on the left,
// the open visit or chart on the right. Practitioners only (CONTRACT.md §3).

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: workspaceHref }];

export function meta() {
  return [{ title: 'Workspace · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'practitioner');
  const url = new URL(request.url);
  const today = findClinicToday(context.services);
  const requestedDate = url.searchParams.get('date');
  const date = isIsoDate(requestedDate) ? requestedDate : today;
  try {
    const day = await listWorkspaceDay(context.services, actor, { date });
    const query = new URLSearchParams({ date });
    return {
      date,
      today,
      dateLabel: formatShortDate(date),
      previousDate: shiftDate(date, -1),
      nextDate: shiftDate(date, 1),
      query: query.toString(),
      practitionerName: day.practitionerName,
      appointments: day.appointments.map((a) => ({
        id: a.id,
        time: formatTimeIn(a.startAt, day.timeZone),
        endTime: formatTimeIn(a.endAt, day.timeZone),
        status: a.status,
        patientId: a.patientId,
        patientName: a.patientName,
        appointmentTypeName: a.appointmentTypeName,
        noteStatus: a.noteStatus,
        safetyFindings: a.safetyFindings,
      })),
    };
  } catch (error) {
    throw toRouteError(error);
  }
}

// The visit note's autosave does not change the day list; reloading it every few seconds would only
// add audit rows.
export function shouldRevalidate({
  formData,
  actionResult,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  if (formData?.get('intent') === 'save' && actionResult?.ok) return false;
  return defaultShouldRevalidate;
}

const STATUS_WORDS = {
  booked: 'Booked',
  completed: 'Attended',
  'no-show': 'No-show',
  cancelled: 'Cancelled',
} as const;

function useDayShortcuts(previous: string, next: string, today: string, query: string) {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const params = new URLSearchParams(query);
      const go = (date: string) => {
        params.set('date', date);
        navigate(`/workspace?${params.toString()}`);
      };
      if (event.key === '[') go(previous);
      else if (event.key === ']') go(next);
      else if (event.key === 't') go(today);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, previous, next, today, query]);
}

export default function Workspace({ loaderData }: Route.ComponentProps) {
  const { appointmentId, patientId } = useParams();
  const d = loaderData;
  // A visit or a chart beside the day has its own main heading (the patient): then the day is a
  // section of the page, not its title, so a screen reader's page has one h1.
  const DayTitle = appointmentId || patientId ? 'h2' : 'h1';
  useDayShortcuts(d.previousDate, d.nextDate, d.today, d.query);
  const withDate = (date: string) => {
    const params = new URLSearchParams(d.query);
    params.set('date', date);
    return `/workspace?${params.toString()}`;
  };
  return (
    <div className="ws">
      <section className="ws-day" aria-labelledby="day-title">
        <DayTitle id="day-title" className="ws-day__title">
          {d.date === d.today ? 'Today' : d.dateLabel}
          {d.date === d.today ? <span className="ws-day__date"> {d.dateLabel}</span> : null}
          <span className="ws-day__date">{d.practitionerName}</span>
        </DayTitle>
        <Form method="get" action="/workspace" className="ws-day__picker">
          <div className="ws-field">
            <label htmlFor="day-date">Day</label>
            <input id="day-date" type="date" name="date" defaultValue={d.date} key={d.date} />
          </div>
          <button type="submit" className="ws-button ws-button--quiet">
            Show
          </button>
        </Form>
        <nav className="ws-day__nav" aria-label="Other days">
          <Link to={withDate(d.previousDate)} rel="prev">
            ← Previous day
          </Link>
          {d.date === d.today ? null : <Link to={withDate(d.today)}>Today</Link>}
          <Link to={withDate(d.nextDate)} rel="next">
            Next day →
          </Link>
        </nav>
        {d.appointments.length === 0 ? (
          <p className="ws-muted">No appointments on this day.</p>
        ) : (
          <ol className="ws-day__list" aria-label={`Appointments, ${d.dateLabel}`}>
            {d.appointments.map((a) => (
              <li key={a.id} className={a.id === appointmentId ? 'is-open' : undefined}>
                <Link
                  to={`/workspace/visits/${a.id}?${d.query}`}
                  aria-current={a.id === appointmentId ? 'page' : undefined}
                  className="ws-appt"
                >
                  <span className="ws-appt__time">
                    {a.time}
                    <span className="visually-hidden"> to {a.endTime}</span>
                  </span>
                  <span className="ws-appt__who">{a.patientName}</span>
                  <span className="ws-appt__type">{a.appointmentTypeName}</span>
                  <span className="ws-appt__state">
                    {a.status !== 'booked' ? (
                      <span className={`ws-tag ws-tag--${a.status}`}>{STATUS_WORDS[a.status]}</span>
                    ) : null}
                    <span className={`ws-tag ws-tag--note-${a.noteStatus ?? 'none'}`}>
                      {a.noteStatus === 'signed'
                        ? 'Note signed'
                        : a.noteStatus === 'draft'
                          ? 'Note draft'
                          : 'No note'}
                    </span>
                  </span>
                </Link>
                <SafetyBadges findings={a.safetyFindings} />
              </li>
            ))}
          </ol>
        )}
        <details className="ws-shortcuts">
          <summary>Keyboard shortcuts</summary>
          <dl>
            <dt>
              <kbd>[</kbd> / <kbd>]</kbd>
            </dt>
            <dd>Previous / next day</dd>
            <dt>
              <kbd>t</kbd>
            </dt>
            <dd>Today</dd>
            <dt>
              <kbd>/</kbd>
            </dt>
            <dd>Search points (on a visit)</dd>
            <dt>
              <kbd>Ctrl</kbd> + <kbd>S</kbd>
            </dt>
            <dd>Save the note now</dd>
          </dl>
        </details>
      </section>
      <div className="ws-main">
        <Outlet />
      </div>
    </div>
  );
}
