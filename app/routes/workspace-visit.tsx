import { useEffect, useMemo, useState } from 'react';
import {
  data,
  Form,
  Link,
  redirect,
  type ShouldRevalidateFunctionArgs,
  useActionData,
  useNavigation,
} from 'react-router';
import { RecordIdSchema } from '#contracts/ids.ts';
import {
  AddendumInputSchema,
  AdverseEventInputSchema,
  ChartedPointInputSchema,
  listFieldErrors,
  NeedleCountSchema,
  toPlannedPoint,
  VisitNoteDraftSchema,
} from '#contracts/visit-notes.ts';
import { findAcupoint, searchAcupoints } from '#core/clinical/acupoints/index.ts';
import { cancelAppointment, closeAppointment } from '#services/booking/change-appointment.ts';
import {
  addChartedPoint,
  copyPointsFromLastVisit,
  recordAdverseEvent,
  removeChartedPoint,
} from '#services/records/charted-points.ts';
import { loadVisitWorkspace } from '#services/records/patient-chart.ts';
import { listCautionsToAcknowledge, NO_SAFETY_SCREEN } from '#services/records/patient-safety.ts';
import {
  addNoteAddendum,
  ensureVisitNote,
  saveVisitNoteDraft,
  signVisitNote,
} from '#services/records/visit-notes.ts';
import { formatDateIn, formatDateTimeIn, formatShortDate, formatTimeIn } from '../clinic-time.server';
import { CsrfField } from '../components/csrf-field';
import { AdverseEventForm, AdverseEventList } from '../components/workspace/adverse-events';
import { BodyChart, type ChartDot } from '../components/workspace/body-chart';
import { placePoint } from '../components/workspace/body-map-points';
import { ChartedPointsTable } from '../components/workspace/charted-points-table';
import { IntakeSummary, summariseIntakeAnswers } from '../components/workspace/intake-summary';
import { NoteEditor, type NoteEditorResult } from '../components/workspace/note-editor';
import { type AddPointOutcome, type PickerResult, PointPicker } from '../components/workspace/point-picker';
import { RetentionTimer } from '../components/workspace/retention-timer';
import { SafetyBanner } from '../components/workspace/safety-flags';
import { ScoresTable } from '../components/workspace/scores';
import { WsInputField, WsTextAreaField } from '../components/ws-field';
import { summariseScores } from '../score-summary.server';
import {
  describeActionError,
  requireRecordIdParam,
  requireStaffRole,
  toRouteError,
} from '../staff-access.server';
import type { Route } from './+types/workspace-visit';

export function meta({ data: d }: Route.MetaArgs) {
  return [
    { title: d ? `${d.patient.name}, ${d.appointment.time} · Workspace · Backpoint` : 'Visit · Backpoint' },
    { name: 'robots', content: 'noindex' },
  ];
}

const KEEP_PARAMS = ['date', 'practitioner'] as const;

function keptParams(url: URL): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEEP_PARAMS) {
    const value = url.searchParams.get(name);
    if (value) kept[name] = value;
  }
  return kept;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'practitioner');
  const appointmentId = requireRecordIdParam(params.appointmentId);
  const url = new URL(request.url);
  const tz = context.services.config.clinic.timeZone;
  try {
    const ws = await loadVisitWorkspace(context.services, actor, appointmentId);
    const { appointment: a, note, safety } = ws;
    const q = url.searchParams.get('q')?.slice(0, 60) ?? '';
    const results: PickerResult[] = q
      ? searchAcupoints({ q })
          .slice(0, 12)
          .map((p) => ({
            code: p.code,
            pinyin: p.pinyin,
            region: p.region,
            backPain: p.backPain,
            pregnancyCaution: p.pregnancyCaution,
          }))
      : [];
    const chosen = url.searchParams.get('code');
    const screenCautions = safety.screen
      ? safety.screen.cautions.map((c) => ({ key: c.id, text: c.text }))
      : [
          {
            key: NO_SAFETY_SCREEN,
            text: 'There is no safety screen on file; I have asked the safety questions myself.',
          },
        ];
    const cautionKeys = new Set(listCautionsToAcknowledge(safety));
    const acknowledged = note?.acknowledgedCautions ?? [];
    return {
      appointment: {
        id: a.id,
        status: a.status,
        date: formatDateIn(a.startAt, tz),
        dateLabel: formatShortDate(formatDateIn(a.startAt, tz)),
        time: formatTimeIn(a.startAt, tz),
        endTime: formatTimeIn(a.endAt, tz),
        typeName: a.appointmentTypeName,
        practitionerName: a.practitionerName,
        started: a.startAt <= context.services.clock.now(),
      },
      patient: {
        id: ws.patient.id,
        name: `${ws.patient.givenName} ${ws.patient.familyName}`,
        ageYears: ws.patient.ageYears,
        sex: ws.patient.sex,
        dateOfBirth: ws.patient.dateOfBirth,
        phone: ws.patient.phone,
      },
      safety: {
        screen: safety.screen,
        findings: safety.screen ? [...safety.screen.contraindications, ...safety.screen.cautions] : null,
        alerts: safety.screen?.practitionerAlerts ?? [],
        intakeStatus: safety.intakeStatus,
        intakeAnswers: summariseIntakeAnswers(safety.answers),
        intakeSubmitted: safety.submittedAt ? formatShortDate(formatDateIn(safety.submittedAt, tz)) : null,
      },
      cautions: screenCautions
        .filter((c) => cautionKeys.has(c.key))
        .filter((c, i, all) => all.findIndex((o) => o.key === c.key) === i)
        .map((c) => ({ ...c, acknowledged: acknowledged.includes(c.key) })),
      note: note
        ? {
            id: note.id,
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
            signedAt: note.signedAt ? formatDateTimeIn(note.signedAt, tz) : null,
            signedByName: note.signedByName,
            points: note.points,
            adverseEvents: note.adverseEvents.map((e) => ({
              ...e,
              occurredAt: formatDateTimeIn(e.occurredAt, tz),
            })),
            addenda: note.addenda.map((e) => ({ ...e, createdAt: formatDateTimeIn(e.createdAt, tz) })),
          }
        : null,
      previousNote: ws.previousNote
        ? {
            ...ws.previousNote,
            signedAt: ws.previousNote.signedAt
              ? formatShortDate(formatDateIn(ws.previousNote.signedAt, tz))
              : null,
          }
        : null,
      scores: summariseScores(ws.scores, tz),
      course: ws.activeCourse
        ? {
            id: ws.activeCourse.id,
            durationCategory: ws.activeCourse.durationCategory,
            progress: ws.activeCourse.progress,
          }
        : null,
      isTreating: ws.isTreatingPractitioner,
      search: { q, results, code: chosen ? (findAcupoint(chosen)?.code ?? chosen.toUpperCase()) : null },
      kept: keptParams(url),
    };
  } catch (error) {
    throw toRouteError(error);
  }
}

// Autosaves answer with data only; revalidating would reload the whole visit (and audit a read)
// every few seconds while the practitioner types.
export function shouldRevalidate({
  formData,
  actionResult,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  if (formData?.get('intent') === 'save' && actionResult?.ok) return false;
  return defaultShouldRevalidate;
}

const NoteFormSchema = VisitNoteDraftSchema.extend(NeedleCountSchema.omit({ version: true }).shape);

type ActionBody = NoteEditorResult & {
  conflicts?: AddPointOutcome['conflicts'];
  status?: AddPointOutcome['status'];
  values?: Record<string, string>;
};

/** What a refused form shows: the message, the fields at fault and what was sent. */
type FormRefusal = Pick<ActionBody, 'error' | 'fields' | 'values'>;

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && key !== '_csrf' && key !== 'ack') values[key] = value;
  }
  return values;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireStaffRole(context, request, 'practitioner');
  const appointmentId = requireRecordIdParam(params.appointmentId);
  const ctx = context.services;
  const form = await request.formData();
  const intent = String(form.getAll('intent').at(-1) ?? '');
  const values = formValues(form);
  const acknowledged = form.getAll('ack').filter((v): v is string => typeof v === 'string');
  const url = new URL(request.url);
  const back = () => {
    const kept = new URLSearchParams(keptParams(url));
    return `/workspace/visits/${appointmentId}${kept.size ? `?${kept.toString()}` : ''}`;
  };
  const fail = (status: number, body: Omit<ActionBody, 'intent' | 'ok'>) =>
    data<ActionBody>({ intent, ok: false, values, ...body }, status);
  try {
    switch (intent) {
      case 'save':
      case 'sign': {
        const parsed = NoteFormSchema.safeParse(values);
        if (!parsed.success) {
          return fail(422, { error: 'Check the highlighted fields.', fields: listFieldErrors(parsed.error) });
        }
        const saved = await saveVisitNoteDraft(ctx, actor, appointmentId, {
          ...parsed.data,
          acknowledge: acknowledged,
        });
        if (intent === 'save') {
          return data<ActionBody>({
            intent,
            ok: true,
            version: saved.version,
            savedAt: formatTimeIn(ctx.clock.now(), ctx.config.clinic.timeZone),
          });
        }
        try {
          await signVisitNote(ctx, actor, saved.noteId, saved.version);
        } catch (error) {
          const { status, body } = describeActionError(error);
          return fail(status, { ...body, version: saved.version });
        }
        return data<ActionBody>({ intent, ok: true });
      }
      case 'add-point': {
        const parsed = ChartedPointInputSchema.safeParse(values);
        if (!parsed.success) {
          return fail(422, {
            status: 'invalid',
            error: 'Check the point’s details.',
            fields: listFieldErrors(parsed.error),
          });
        }
        const { noteId } = await ensureVisitNote(ctx, actor, appointmentId);
        const outcome = await addChartedPoint(ctx, actor, noteId, parsed.data, acknowledged);
        if (outcome.status === 'saved') return redirect(`${back()}#chart`);
        return fail(422, {
          status: outcome.status,
          conflicts: outcome.conflicts,
          error:
            outcome.status === 'refused'
              ? 'Not charted: a contraindication applies.'
              : 'Not charted yet: acknowledge the cautions first.',
        });
      }
      case 'remove-point': {
        const pointId = RecordIdSchema.safeParse(form.get('pointId'));
        if (!pointId.success) {
          return fail(400, {
            error: 'The form did not name a valid point to remove. Reload the page and try again.',
          });
        }
        const { noteId } = await ensureVisitNote(ctx, actor, appointmentId);
        await removeChartedPoint(ctx, actor, noteId, pointId.data);
        return redirect(`${back()}#chart`);
      }
      case 'copy-forward': {
        const { noteId } = await ensureVisitNote(ctx, actor, appointmentId);
        const outcome = await copyPointsFromLastVisit(ctx, actor, noteId, acknowledged);
        if (outcome.status === 'saved') return redirect(`${back()}#chart`);
        return fail(422, {
          status: outcome.status,
          conflicts: outcome.conflicts,
          error:
            outcome.status === 'refused'
              ? 'Nothing copied: a contraindication applies to the last visit’s points. Chart them one by one.'
              : 'Nothing copied yet: the last visit’s points need the cautions below acknowledged.',
        });
      }
      case 'adverse-event': {
        const parsed = AdverseEventInputSchema.safeParse(values);
        if (!parsed.success) {
          return fail(422, { error: 'Check the adverse event.', fields: listFieldErrors(parsed.error) });
        }
        const { noteId } = await ensureVisitNote(ctx, actor, appointmentId);
        await recordAdverseEvent(ctx, actor, noteId, parsed.data);
        return redirect(`${back()}#adverse-events`);
      }
      case 'addendum': {
        const parsed = AddendumInputSchema.safeParse(values);
        if (!parsed.success)
          return fail(422, { error: 'Write the addendum first.', fields: listFieldErrors(parsed.error) });
        const { noteId } = await ensureVisitNote(ctx, actor, appointmentId);
        await addNoteAddendum(ctx, actor, noteId, parsed.data.text);
        return redirect(`${back()}#addenda`);
      }
      case 'attended':
      case 'no-show': {
        await closeAppointment(ctx, actor, appointmentId, intent === 'attended' ? 'completed' : 'no-show');
        return redirect(back());
      }
      case 'cancel': {
        await cancelAppointment(ctx, actor, appointmentId, String(form.get('reason') ?? ''));
        return redirect(back());
      }
      default:
        return fail(400, { error: 'Unknown action.' });
    }
  } catch (error) {
    const { status, body } = describeActionError(error);
    return fail(status, body);
  }
}

const SEX_WORDS = { female: 'female', male: 'male', other: 'other', unknown: 'sex not given' } as const;

export default function WorkspaceVisit({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [selectedCode, setSelectedCode] = useState<string | null>(d.search.code);
  const pointCount = d.note?.points.length ?? 0;
  // A new address or a point just charted starts the picker afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pointCount is the trigger, not an input
  useEffect(() => setSelectedCode(d.search.code), [d.search.code, pointCount]);
  const readOnly =
    d.note?.status === 'signed' ||
    !d.isTreating ||
    d.appointment.status === 'cancelled' ||
    d.appointment.status === 'no-show';
  const points = d.note?.points ?? [];
  const acknowledged = d.note?.acknowledgedCautions ?? [];

  const chooseHref = (code: string) => {
    const params = new URLSearchParams(d.kept);
    if (d.search.q) params.set('q', d.search.q);
    params.set('code', code);
    return `?${params.toString()}#add-point`;
  };
  const onChoose = (code: string) => {
    setSelectedCode(code);
    document.getElementById('point-code')?.focus();
  };

  // "/" jumps to the point search, as in most search boxes.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const search = document.getElementById('point-q');
      if (search) {
        event.preventDefault();
        search.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const dots: ChartDot[] = useMemo(
    () =>
      points.flatMap((p) => {
        const place = placePoint(p.code, findAcupoint(p.code)?.region ?? null);
        if (!place) return [];
        return [
          {
            key: p.id,
            code: p.code,
            side: p.side,
            view: place.view,
            dx: place.dx,
            y: place.y,
            approximate: place.approximate,
            warning: acknowledged.some((k) => k.endsWith(`:${p.code}`)),
          },
        ];
      }),
    [points, acknowledged],
  );
  const existingPlanned = useMemo(
    () =>
      points.map((p) =>
        toPlannedPoint({
          code: p.code,
          side: p.side,
          technique: p.technique,
          depthMm: p.depthMm,
          circuit: p.circuit,
        }),
      ),
    [points],
  );
  const pointOutcome =
    actionData &&
    (actionData.intent === 'add-point' || actionData.intent === 'copy-forward') &&
    !actionData.ok
      ? (actionData as AddPointOutcome & { intent: string })
      : null;
  const noteResult =
    actionData && (actionData.intent === 'save' || actionData.intent === 'sign')
      ? (actionData as NoteEditorResult)
      : null;
  const otherError =
    actionData && !actionData.ok && !pointOutcome && !noteResult ? (actionData as NoteEditorResult) : null;
  /** The refusal of the form that posted `intent`, if the last post was refused. */
  const refusalOf = (intent: string): FormRefusal | null =>
    actionData && !actionData.ok && actionData.intent === intent ? actionData : null;
  const chartedNeedles = points.reduce((sum, p) => sum + p.needleCount, 0);
  const longestRetention = points.reduce((m, p) => Math.max(m, p.retentionMinutes ?? 0), 0);
  const busy = navigation.state !== 'idle';

  return (
    <article className="visit" aria-labelledby="visit-title">
      <header className="visit__header">
        <div>
          <h1 id="visit-title" className="visit__patient">
            <Link to={`/workspace/patients/${d.patient.id}`}>{d.patient.name}</Link>
          </h1>
          <p className="visit__meta">
            {d.patient.ageYears !== null ? `${d.patient.ageYears} years` : 'Age not given'} ·{' '}
            {SEX_WORDS[d.patient.sex]}
            {d.patient.dateOfBirth ? ` · born ${d.patient.dateOfBirth}` : ''}
            {d.patient.phone ? ` · ${d.patient.phone}` : ''}
          </p>
          <p className="visit__meta">
            <strong>
              {d.appointment.dateLabel}, {d.appointment.time}–{d.appointment.endTime}
            </strong>{' '}
            · {d.appointment.typeName} with {d.appointment.practitionerName} ·{' '}
            <span className={`ws-tag ws-tag--${d.appointment.status}`}>{d.appointment.status}</span>
          </p>
        </div>
        <VisitActions
          status={d.appointment.status}
          started={d.appointment.started}
          isTreating={d.isTreating}
          cancelRefusal={refusalOf('cancel')}
        />
      </header>

      <SafetyBanner
        findings={d.safety.findings}
        alerts={d.safety.alerts}
        intakeStatus={d.safety.intakeStatus}
      />

      {otherError ? (
        <div className="alert alert--error" role="alert">
          <p>{otherError.error}</p>
        </div>
      ) : null}

      <div className="visit__context">
        <section aria-labelledby="intake-title" className="ws-panel">
          <h2 id="intake-title">Intake</h2>
          <IntakeSummary
            answers={d.safety.intakeAnswers}
            status={d.safety.intakeStatus}
            submitted={d.safety.intakeSubmitted}
          />
        </section>
        <section aria-labelledby="scores-title" className="ws-panel">
          <h2 id="scores-title">Latest scores</h2>
          <ScoresTable scores={d.scores} />
          {d.course ? (
            <p className="ws-hint">
              Course: {d.course.progress.sessionsDone} of {d.course.progress.sessionsPlanned} sessions done
              {d.course.progress.reassessmentDueNow
                ? `; the next visit is a reassessment (${d.course.progress.instrumentsDueNow.join(', ')})`
                : d.course.progress.nextReassessment
                  ? `; next reassessment at session ${d.course.progress.nextReassessment.number}`
                  : ''}
              . <Link to={`/workspace/patients/${d.patient.id}#course`}>Course plan</Link>
            </p>
          ) : (
            <p className="ws-hint">
              No active treatment course.{' '}
              <Link to={`/workspace/patients/${d.patient.id}#course`}>Plan one</Link>
            </p>
          )}
        </section>
        {d.previousNote ? (
          <section aria-labelledby="previous-title" className="ws-panel">
            <h2 id="previous-title">
              Last visit{d.previousNote.signedAt ? ` (${d.previousNote.signedAt})` : ''}
            </h2>
            <p>
              <strong>Assessment:</strong> {d.previousNote.assessment || '—'}
            </p>
            <p>
              <strong>Plan:</strong> {d.previousNote.plan || '—'}
            </p>
            <p>
              <strong>Points:</strong> {[...new Set(d.previousNote.pointCodes)].join(', ') || '—'}
            </p>
          </section>
        ) : null}
      </div>

      {d.note?.status === 'signed' ? (
        <SignedNote note={d.note} />
      ) : readOnly ? (
        <section className="ws-panel">
          <h2>Visit note</h2>
          <p>
            {d.note
              ? 'A draft note is being written by the treating practitioner.'
              : 'No note has been started.'}
          </p>
        </section>
      ) : (
        <NoteEditor
          key={d.appointment.id}
          note={d.note}
          cautions={d.cautions}
          chartedNeedles={chartedNeedles}
          postResult={noteResult}
          submittedValues={noteResult && !noteResult.ok ? ((actionData as ActionBody).values ?? null) : null}
        />
      )}

      <section id="chart" className="visit__chart" aria-labelledby="chart-title">
        <div className="visit__chart-head">
          <h2 id="chart-title">Points and techniques</h2>
          {!readOnly ? <RetentionTimer plannedMinutes={longestRetention} /> : null}
        </div>
        <div className="visit__chart-body">
          <BodyChart
            charted={dots}
            selectedCode={selectedCode}
            chooseHref={chooseHref}
            onChoose={onChoose}
            readOnly={readOnly}
          />
          {readOnly ? null : (
            <PointPicker
              key={`${points.length}-${d.search.code ?? ''}`}
              screen={d.safety.screen}
              existing={existingPlanned}
              acknowledged={acknowledged}
              query={d.search.q}
              serverResults={d.search.results}
              selectedCode={selectedCode}
              onSelectedCodeChange={setSelectedCode}
              chooseHref={chooseHref}
              searchParams={d.kept}
              outcome={pointOutcome}
              busy={busy}
            />
          )}
        </div>
        <ChartedPointsTable points={points} readOnly={readOnly} acknowledged={acknowledged} />
        {!readOnly && d.previousNote && d.previousNote.pointCodes.length > 0 && points.length === 0 ? (
          <Form method="post" className="copy-forward" preventScrollReset>
            <CsrfField />
            <input type="hidden" name="intent" value="copy-forward" />
            {pointOutcome?.intent === 'copy-forward'
              ? [
                  ...new Set(
                    (pointOutcome.conflicts ?? [])
                      .filter((c) => c.severity === 'caution')
                      .map((c) => `${c.rule}:${c.code}`),
                  ),
                ]
                  .filter((k) => !acknowledged.includes(k))
                  .map((key) => (
                    <p key={key} className="ws-check">
                      <input type="checkbox" id={`copy-ack-${key}`} name="ack" value={key} required />
                      <label htmlFor={`copy-ack-${key}`}>
                        I have considered {key.replace(':', ' at ').replaceAll('_', ' ')}
                      </label>
                    </p>
                  ))
              : null}
            {pointOutcome?.intent === 'copy-forward' ? (
              <p className="alert alert--error" role="alert">
                {pointOutcome.error}
              </p>
            ) : null}
            <button type="submit" className="ws-button ws-button--quiet" disabled={busy}>
              Copy points from last visit ({[...new Set(d.previousNote.pointCodes)].join(', ')})
            </button>
          </Form>
        ) : null}
      </section>

      <section id="adverse-events" className="ws-panel" aria-labelledby="adverse-title">
        <h2 id="adverse-title">Adverse events</h2>
        <AdverseEventList events={d.note?.adverseEvents ?? []} />
        {d.isTreating || d.note?.status === 'signed' ? (
          <AdverseEventForm key={d.note?.adverseEvents.length ?? 0} error={refusalOf('adverse-event')} />
        ) : null}
      </section>

      {d.note?.status === 'signed' ? (
        <section id="addenda" className="ws-panel" aria-labelledby="addenda-title">
          <h2 id="addenda-title">Addenda</h2>
          {d.note.addenda.length === 0 ? (
            <p className="ws-muted">No addenda.</p>
          ) : (
            <ol className="addenda">
              {d.note.addenda.map((a) => (
                <li key={a.id}>
                  <p className="addenda__by">
                    <strong>{a.authorName}</strong>, {a.createdAt}
                  </p>
                  <p className="addenda__text">{a.text}</p>
                </li>
              ))}
            </ol>
          )}
          <Form method="post" className="addendum-form" preventScrollReset key={d.note.addenda.length}>
            <CsrfField />
            <input type="hidden" name="intent" value="addendum" />
            <WsTextAreaField
              id="addendum-text"
              name="text"
              label="Add an addendum (correction or later information)"
              rows={3}
              required
              defaultValue={refusalOf('addendum')?.values?.text}
              error={refusalOf('addendum')?.fields?.text}
            />
            <button type="submit" className="ws-button" disabled={busy}>
              Add addendum
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}

function VisitActions({
  status,
  started,
  isTreating,
  cancelRefusal,
}: {
  status: string;
  started: boolean;
  isTreating: boolean;
  /** A refused cancellation: the box stays open with the reason and its message. */
  cancelRefusal: FormRefusal | null;
}) {
  if (status !== 'booked') return null;
  return (
    <div className="visit__actions">
      {started && isTreating ? (
        <Form method="post" className="inline-form">
          <CsrfField />
          <button type="submit" name="intent" value="attended" className="ws-button ws-button--quiet">
            Mark attended
          </button>
          <button type="submit" name="intent" value="no-show" className="ws-button ws-button--quiet">
            Mark no-show
          </button>
        </Form>
      ) : null}
      <details className="visit__cancel" open={cancelRefusal ? true : undefined}>
        <summary>Cancel appointment</summary>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="cancel" />
          <WsInputField
            id="cancel-reason"
            name="reason"
            label="Reason (the patient is told)"
            required
            maxLength={300}
            defaultValue={cancelRefusal?.values?.reason}
            error={cancelRefusal?.fields?.reason}
          />
          <button type="submit" className="ws-button ws-button--danger">
            Cancel appointment
          </button>
        </Form>
      </details>
    </div>
  );
}

type SignedNoteData = NonNullable<Route.ComponentProps['loaderData']['note']>;

function SignedNote({ note }: { note: SignedNoteData }) {
  const sections = [
    ['Subjective', note.subjective],
    ['Objective', note.objective],
    ['Assessment', note.assessment],
    ['Plan', note.plan],
    ['Aftercare given', note.aftercare],
  ] as const;
  return (
    <section className="ws-panel signed-note" aria-labelledby="note-title">
      <h2 id="note-title">Visit note</h2>
      <p className="signed-note__seal" role="status">
        <svg className="flag-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <rect x="3" y="9" width="14" height="10" rx="2" />
          <path d="M6 9V6a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>{' '}
        Signed by {note.signedByName} on {note.signedAt}. This note is locked and read-only; add an addendum
        to correct it.
      </p>
      <dl className="signed-note__body">
        <dt>Pain today</dt>
        <dd>{note.painScore ?? '—'} / 10</dd>
        {sections.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{text || '—'}</dd>
          </div>
        ))}
        <dt>Needle count</dt>
        <dd>
          {note.needlesIn} in, {note.needlesOut} out
        </dd>
      </dl>
    </section>
  );
}
