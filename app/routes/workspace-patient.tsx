import { data, Form, Link, redirect, useActionData, useNavigation } from 'react-router';
import { z } from 'zod';
import { StartBackBandSchema } from '#contracts/course.ts';
import { RecordIdSchema } from '#contracts/ids.ts';
import { listFieldErrors } from '#contracts/visit-notes.ts';
import { DURATION_CATEGORIES, FUNCTION_INSTRUMENTS } from '#core/clinical/course/index.ts';
import { loadPatientChart } from '#services/records/patient-chart.ts';
import {
  createTreatmentCourse,
  endTreatmentCourse,
  previewTreatmentCourse,
} from '#services/records/treatment-courses.ts';
import { findClinicToday } from '#services/records/workspace-day.ts';
import { formatDateIn, formatShortDate, formatTimeIn } from '../clinic-time.server';
import { CsrfField } from '../components/csrf-field';
import { SafetyBanner } from '../components/workspace/safety-flags';
import { ScoreChart } from '../components/workspace/scores';
import { WsInputField, WsSelectField } from '../components/ws-field';
import { summariseScores } from '../score-summary.server';
import {
  describeActionError,
  requireRecordIdParam,
  requireStaffRole,
  toRouteError,
} from '../staff-access.server';
import type { Route } from './+types/workspace-patient';

export function meta({ data: d }: Route.MetaArgs) {
  return [
    { title: d ? `${d.patient.name} · Patient chart · Backpoint` : 'Patient chart · Backpoint' },
    { name: 'robots', content: 'noindex' },
  ];
}

const DURATION_OPTIONS = [
  { value: 'acute', label: 'Acute (under 6 weeks)' },
  { value: 'subacute', label: 'Subacute (6–12 weeks)' },
  { value: 'chronic', label: 'Chronic (over 12 weeks)' },
];
const STARTBACK_OPTIONS = [
  { value: '', label: 'Not known' },
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];
const INSTRUMENT_OPTIONS = [
  { value: 'odi', label: 'ODI' },
  { value: 'rmdq', label: 'RMDQ' },
];

// The planner's request as the course form sends it (strings; empty = not given).
const blank = (v: unknown) => (v === '' ? undefined : v);
/** A limit of the patient's cover, in whole `unit` from 1 to `max`; the messages show under the field. */
const coverLimit = (max: number, unit: string) =>
  z.coerce
    .number(`Give a number of ${unit}.`)
    .int(`A whole number of ${unit}.`)
    .min(1, 'At least 1.')
    .max(max, `At most ${max} ${unit}.`);
const CourseFormSchema = z.object({
  durationCategory: z.enum(DURATION_CATEGORIES, 'Choose how long the pain has lasted.'),
  startBackBand: z.preprocess(blank, StartBackBandSchema.optional()),
  firstSessionDate: z.iso.date('Use a date as YYYY-MM-DD.'),
  functionInstrument: z.preprocess(blank, z.enum(FUNCTION_INSTRUMENTS).optional()),
  maxSessions: z.preprocess(blank, coverLimit(60, 'sessions').optional()),
  withinDays: z.preprocess(blank, coverLimit(730, 'days').optional()),
  goals: z.string().max(1000, 'At most 1000 characters.').default(''),
});

function toPlanRequest(v: z.infer<typeof CourseFormSchema>) {
  const limits = {
    ...(v.maxSessions !== undefined ? { maxSessions: v.maxSessions } : {}),
    ...(v.withinDays !== undefined ? { withinDays: v.withinDays } : {}),
  };
  return {
    durationCategory: v.durationCategory,
    firstSessionDate: v.firstSessionDate,
    ...(v.startBackBand ? { startBackBand: v.startBackBand } : {}),
    ...(v.functionInstrument ? { functionInstrument: v.functionInstrument } : {}),
    ...(Object.keys(limits).length ? { limits } : {}),
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'practitioner');
  const patientId = requireRecordIdParam(params.patientId);
  const tz = context.services.config.clinic.timeZone;
  try {
    const chart = await loadPatientChart(context.services, actor, patientId);
    const latestStartBack = [...chart.scores].reverse().find((s) => s.instrument === 'start-back');
    return {
      patient: {
        id: chart.patient.id,
        name: `${chart.patient.givenName} ${chart.patient.familyName}`,
        ageYears: chart.patient.ageYears,
        sex: chart.patient.sex,
        dateOfBirth: chart.patient.dateOfBirth,
        email: chart.patient.email,
        phone: chart.patient.phone,
      },
      safety: {
        findings: chart.safety.screen
          ? [...chart.safety.screen.contraindications, ...chart.safety.screen.cautions]
          : null,
        alerts: chart.safety.screen?.practitionerAlerts ?? [],
        intakeStatus: chart.safety.intakeStatus,
      },
      visits: chart.visits.map((v) => ({
        ...v,
        date: formatShortDate(formatDateIn(v.startAt, tz)),
        time: formatTimeIn(v.startAt, tz),
      })),
      scores: summariseScores(chart.scores, tz),
      activeCourse: chart.activeCourse,
      pastCourses: chart.courses
        .filter((c) => c.status !== 'active')
        .map((c) => ({
          id: c.id,
          status: c.status,
          startsOn: formatShortDate(c.startsOn),
          sessions: c.plan.sessions.length,
        })),
      defaults: {
        firstSessionDate: findClinicToday(context.services),
        startBackBand: latestStartBack?.band ?? '',
        durationCategory: 'chronic',
        functionInstrument: 'odi',
        maxSessions: '',
        withinDays: '',
        goals: '',
      } as Record<string, string>,
    };
  } catch (error) {
    throw toRouteError(error);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireStaffRole(context, request, 'practitioner');
  const patientId = requireRecordIdParam(params.patientId);
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? '');
  const values = Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'),
  );
  const fail = (status: number, error: string, fields: Record<string, string>) =>
    data({ ok: false as const, error, fields, values, preview: null }, status);
  try {
    if (intent === 'preview-course' || intent === 'create-course') {
      const parsed = CourseFormSchema.safeParse(form);
      if (!parsed.success) return fail(422, 'Check the course details.', listFieldErrors(parsed.error));
      if (intent === 'preview-course') {
        // A proposal only: nothing is saved until "Save course".
        return data({
          ok: true as const,
          error: '',
          fields: {},
          values,
          preview: previewTreatmentCourse(toPlanRequest(parsed.data)),
        });
      }
      await createTreatmentCourse(context.services, actor, {
        patientId,
        request: toPlanRequest(parsed.data),
        goals: parsed.data.goals,
      });
      return redirect(`/workspace/patients/${patientId}#course`);
    }
    if (intent === 'complete-course' || intent === 'stop-course') {
      const courseId = RecordIdSchema.safeParse(form.courseId);
      if (!courseId.success) {
        return fail(400, 'The form did not name a valid course. Reload the page and try again.', {});
      }
      await endTreatmentCourse(
        context.services,
        actor,
        courseId.data,
        intent === 'complete-course' ? 'completed' : 'stopped',
      );
      return redirect(`/workspace/patients/${patientId}#course`);
    }
    return fail(400, 'Unknown action.', {});
  } catch (error) {
    const { status, body } = describeActionError(error);
    return fail(status, body.error, body.fields);
  }
}

const PHASE_WORDS: Record<string, string> = {
  initial: 'Weekly',
  spaced: 'Spaced out',
  maintenance: 'Maintenance',
};

export default function PatientChart({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const fields: Record<string, string> = actionData?.fields ?? {};
  const preview = actionData?.preview ?? null;
  const defaults = { ...d.defaults, ...(actionData?.values ?? {}) };
  return (
    <article className="patient-chart" aria-labelledby="chart-title">
      <header className="visit__header">
        <div>
          <h1 id="chart-title" className="visit__patient">
            {d.patient.name}
          </h1>
          <p className="visit__meta">
            {d.patient.ageYears !== null ? `${d.patient.ageYears} years` : 'Age not given'} · {d.patient.sex}
            {d.patient.dateOfBirth ? ` · born ${d.patient.dateOfBirth}` : ''}
            {d.patient.phone ? ` · ${d.patient.phone}` : ''}
            {d.patient.email ? ` · ${d.patient.email}` : ''}
          </p>
        </div>
      </header>
      <SafetyBanner
        findings={d.safety.findings}
        alerts={d.safety.alerts}
        intakeStatus={d.safety.intakeStatus}
      />

      <section id="course" className="ws-panel" aria-labelledby="course-title">
        <h2 id="course-title">Treatment course</h2>
        {actionData && !actionData.ok && actionData.error ? (
          <p className="alert alert--error" role="alert">
            {actionData.error}
          </p>
        ) : null}
        {d.activeCourse ? (
          <>
            <p>
              <strong>{d.activeCourse.durationCategory}</strong> back pain
              {d.activeCourse.startBackBand ? `, STarT Back ${d.activeCourse.startBackBand} risk` : ''}
              {'; started '}
              {formatPlainDate(d.activeCourse.startsOn)}. {d.activeCourse.progress.sessionsDone} of{' '}
              {d.activeCourse.progress.sessionsPlanned} sessions done.
              {d.activeCourse.progress.reassessmentDueNow ? (
                <strong className="ws-tag ws-tag--caution-small">Reassessment due at the next visit</strong>
              ) : null}
            </p>
            {d.activeCourse.goals ? <p>Goals: {d.activeCourse.goals}</p> : null}
            <CoursePlanTable
              sessions={d.activeCourse.plan.sessions}
              done={d.activeCourse.progress.sessionsDone}
            />
            {d.activeCourse.plan.notes.length ? (
              <ul className="ws-hint">
                {d.activeCourse.plan.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            <Form method="post" className="inline-form">
              <CsrfField />
              <input type="hidden" name="courseId" value={d.activeCourse.id} />
              <button
                type="submit"
                name="intent"
                value="complete-course"
                className="ws-button ws-button--quiet"
              >
                Mark course completed
              </button>
              <button type="submit" name="intent" value="stop-course" className="ws-button ws-button--quiet">
                Stop course
              </button>
            </Form>
          </>
        ) : (
          <>
            <p className="ws-muted">No active course. Plan one from the course planner:</p>
            <Form method="post" className="course-form" preventScrollReset>
              <CsrfField />
              <div className="ws-grid">
                <WsSelectField
                  id="course-duration"
                  name="durationCategory"
                  label="How long the pain has lasted"
                  defaultValue={defaults.durationCategory}
                  options={DURATION_OPTIONS}
                  error={fields.durationCategory}
                />
                <WsSelectField
                  id="course-startback"
                  name="startBackBand"
                  label="STarT Back risk"
                  defaultValue={defaults.startBackBand}
                  options={STARTBACK_OPTIONS}
                  error={fields.startBackBand}
                />
                <WsInputField
                  id="course-first"
                  name="firstSessionDate"
                  label="First session"
                  type="date"
                  defaultValue={defaults.firstSessionDate}
                  error={fields.firstSessionDate}
                />
                <WsSelectField
                  id="course-instrument"
                  name="functionInstrument"
                  label="Disability questionnaire"
                  defaultValue={defaults.functionInstrument}
                  options={INSTRUMENT_OPTIONS}
                  error={fields.functionInstrument}
                />
                {/* The planner reports the cover limits under `limits.*`, the form parser at top level. */}
                <WsInputField
                  id="course-max"
                  name="maxSessions"
                  label="Cover: at most (sessions)"
                  inputMode="numeric"
                  defaultValue={defaults.maxSessions}
                  error={fields.maxSessions || fields['limits.maxSessions']}
                />
                <WsInputField
                  id="course-within"
                  name="withinDays"
                  label="Cover: within (days)"
                  inputMode="numeric"
                  defaultValue={defaults.withinDays}
                  error={fields.withinDays || fields['limits.withinDays']}
                />
                <WsInputField
                  id="course-goals"
                  name="goals"
                  label="Goals agreed with the patient"
                  wide
                  defaultValue={defaults.goals}
                  maxLength={1000}
                  error={fields.goals}
                />
              </div>
              <div className="note-form__actions">
                <button
                  type="submit"
                  name="intent"
                  value="preview-course"
                  className="ws-button ws-button--quiet"
                  disabled={busy}
                >
                  Preview plan
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="create-course"
                  className="ws-button"
                  disabled={busy}
                >
                  Save course
                </button>
              </div>
            </Form>
            {preview ? (
              <>
                <h3>Proposed plan (not saved yet)</h3>
                <CoursePlanTable sessions={preview.sessions} done={0} />
                <ul className="ws-hint">
                  {preview.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
        {d.pastCourses.length ? (
          <p className="ws-hint">
            Earlier courses:{' '}
            {d.pastCourses.map((c) => `${c.startsOn} (${c.status}, ${c.sessions} planned)`).join('; ')}
          </p>
        ) : null}
      </section>

      <section className="ws-panel" aria-labelledby="scores-title">
        <h2 id="scores-title">Scores over time</h2>
        {d.scores.length === 0 ? (
          <p className="ws-muted">No questionnaires completed yet.</p>
        ) : (
          <div className="score-charts">
            {d.scores.map((s) => (
              <ScoreChart key={s.instrument} summary={s} />
            ))}
          </div>
        )}
      </section>

      <section className="ws-panel" aria-labelledby="visits-title">
        <h2 id="visits-title">Visits and notes</h2>
        {d.visits.length === 0 ? (
          <p className="ws-muted">No visits yet.</p>
        ) : (
          <div className="ws-table-wrap">
            <table className="ws-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Visit</th>
                  <th scope="col">Status</th>
                  <th scope="col">Note</th>
                  <th scope="col">Pain</th>
                  <th scope="col">Points</th>
                  <th scope="col">Assessment</th>
                </tr>
              </thead>
              <tbody>
                {d.visits.map((v) => (
                  <tr key={v.appointmentId}>
                    <td>
                      <Link to={`/workspace/visits/${v.appointmentId}`}>
                        {v.date}, {v.time}
                      </Link>
                    </td>
                    <td>
                      {v.appointmentTypeName}
                      <span className="ws-muted"> · {v.practitionerName}</span>
                    </td>
                    <td>{v.status}</td>
                    <td>{v.noteStatus ?? '—'}</td>
                    <td>{v.painScore ?? '—'}</td>
                    <td>{[...new Set(v.pointCodes)].join(', ') || '—'}</td>
                    <td>
                      <span className="ws-clip">{v.assessment || '—'}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}

function formatPlainDate(iso: string): string {
  const [y, m, day] = iso.split('-').map(Number);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    (m ?? 1) - 1
  ];
  return `${day} ${month} ${y}`;
}

function CoursePlanTable({
  sessions,
  done,
}: {
  sessions: {
    number: number;
    date: string;
    phase: string;
    reassessment: boolean;
    instrumentsDue: string[];
  }[];
  done: number;
}) {
  return (
    <div className="ws-table-wrap">
      <table className="ws-table ws-table--compact">
        <caption className="visually-hidden">Planned sessions</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Planned date</th>
            <th scope="col">Phase</th>
            <th scope="col">Reassessment</th>
            <th scope="col">Questionnaires due</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.number} className={s.number <= done ? 'is-done' : undefined}>
              <td>
                {s.number}
                {s.number <= done ? <span className="visually-hidden"> (done)</span> : null}
                {s.number <= done ? <span aria-hidden="true"> ✓</span> : null}
              </td>
              <td>{formatPlainDate(s.date)}</td>
              <td>{PHASE_WORDS[s.phase] ?? s.phase}</td>
              <td>{s.reassessment ? 'Yes' : ''}</td>
              <td>{s.instrumentsDue.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
