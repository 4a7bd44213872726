// What the workspace shows about one patient: the chart (demographics, safety screen, visits and
// notes, scores, courses) and the visit page (one appointment with its note and the patient's
// context). Reads of clinical records, so each leaves an audit row.
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '#db/client.server.ts';
import {
  appointments,
  appointmentTypes,
  chartedPoints,
  patients,
  practitioners,
  visitNotes,
} from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { type AppointmentRecord, findAppointmentRecord } from '../booking/appointment-view.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditClinicalRecord, type PractitionerIdentity, requireClinicalAccess } from './clinical-access.ts';
import { loadPatientSafety, type PatientSafety } from './patient-safety.ts';
import { listPatientScores, type ScoreEntry } from './patient-scores.ts';
import {
  type CourseProgress,
  describeCourseProgress,
  listTreatmentCourses,
  type TreatmentCourseView,
} from './treatment-courses.ts';
import { readNoteDetails, type VisitNoteView } from './visit-notes.ts';

export type PatientSummary = {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  ageYears: number | null;
  sex: 'female' | 'male' | 'other' | 'unknown';
  email: string | null;
  phone: string | null;
};

export type VisitSummary = {
  appointmentId: string;
  startAt: Date;
  status: 'booked' | 'cancelled' | 'completed' | 'no-show';
  appointmentTypeName: string;
  practitionerName: string;
  noteId: string | null;
  noteStatus: 'draft' | 'signed' | null;
  courseId: string | null;
  painScore: number | null;
  pointCodes: string[];
  assessment: string;
};

export type PatientChart = {
  patient: PatientSummary;
  safety: PatientSafety;
  visits: VisitSummary[];
  scores: ScoreEntry[];
  courses: TreatmentCourseView[];
  activeCourse: (TreatmentCourseView & { progress: CourseProgress }) | null;
};

async function loadPatientSummary(
  db: Database,
  patientId: string,
  today: Temporal.PlainDate,
): Promise<PatientSummary> {
  const [row] = await db.select().from(patients).where(eq(patients.id, patientId));
  if (!row) throw new AppError('not_found', 'not_found', 'There is no such patient.');
  const ageYears = row.dateOfBirth
    ? Temporal.PlainDate.from(row.dateOfBirth).until(today, { largestUnit: 'years' }).years
    : null;
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    ageYears,
    sex: row.sex,
    email: row.email,
    phone: row.phone,
  };
}

/** Every visit of the patient, newest first, with its note's status and the points charted. */
async function listVisits(db: Database, patientId: string): Promise<VisitSummary[]> {
  const rows = await db
    .select({
      appointmentId: appointments.id,
      startAt: appointments.startAt,
      status: appointments.status,
      appointmentTypeName: appointmentTypes.name,
      practitionerName: practitioners.displayName,
      noteId: visitNotes.id,
      noteStatus: visitNotes.status,
      courseId: visitNotes.courseId,
      painScore: visitNotes.painScore,
      assessment: visitNotes.assessment,
    })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .leftJoin(visitNotes, eq(visitNotes.appointmentId, appointments.id))
    .where(eq(appointments.patientId, patientId))
    .orderBy(desc(appointments.startAt));
  const noteIds = rows.flatMap((r) => (r.noteId ? [r.noteId] : []));
  const points = noteIds.length
    ? await db
        .select({ noteId: chartedPoints.noteId, code: chartedPoints.code })
        .from(chartedPoints)
        .where(inArray(chartedPoints.noteId, noteIds))
        .orderBy(asc(chartedPoints.position))
    : [];
  return rows.map((r) => ({
    ...r,
    assessment: r.assessment ?? '',
    pointCodes: points.filter((p) => p.noteId === r.noteId).map((p) => p.code),
  }));
}

function todayIn(ctx: ServiceContext): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(ctx.clock.now().getTime())
    .toZonedDateTimeISO(ctx.config.clinic.timeZone)
    .toPlainDate();
}

function withProgress(courses: TreatmentCourseView[], visits: VisitSummary[]) {
  const active = courses.find((c) => c.status === 'active');
  if (!active) return null;
  // The course's sessions so far are its signed notes.
  const done = visits.filter((v) => v.noteStatus === 'signed' && v.courseId === active.id).length;
  return { ...active, progress: describeCourseProgress(active, done) };
}

/** The patient chart for the workspace. Audited as one read of the patient's record. */
export async function loadPatientChart(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<PatientChart> {
  await requireClinicalAccess(ctx.db, actor, patientId, 'read');
  const patient = await loadPatientSummary(ctx.db, patientId, todayIn(ctx));
  const [safety, visits, scores, courses] = await Promise.all([
    loadPatientSafety(ctx.db, patientId),
    listVisits(ctx.db, patientId),
    listPatientScores(ctx.db, patientId),
    listTreatmentCourses(ctx, patientId),
  ]);
  await auditClinicalRecord(ctx.db, actor, 'patient_chart.read', 'patient_chart', patientId);
  return { patient, safety, visits, scores, courses, activeCourse: withProgress(courses, visits) };
}

export type VisitWorkspace = {
  appointment: AppointmentRecord;
  patient: PatientSummary;
  safety: PatientSafety;
  note: VisitNoteView | null;
  /** The patient's last signed note of an earlier visit, for context and copy-forward. */
  previousNote: {
    id: string;
    signedAt: Date | null;
    assessment: string;
    plan: string;
    pointCodes: string[];
  } | null;
  scores: ScoreEntry[];
  activeCourse: (TreatmentCourseView & { progress: CourseProgress }) | null;
  /** True when the signed-in practitioner treats this visit (and so may write its note). */
  isTreatingPractitioner: boolean;
  viewer: PractitionerIdentity;
};

/** Everything the visit page needs for one appointment. Audited as a read of the visit note. */
export async function loadVisitWorkspace(
  ctx: ServiceContext,
  actor: Actor,
  appointmentId: string,
): Promise<VisitWorkspace> {
  const appointment = await findAppointmentRecord(ctx.db, appointmentId);
  if (!appointment) throw new AppError('not_found', 'not_found', 'There is no such appointment.');
  const viewer = await requireClinicalAccess(ctx.db, actor, appointment.patientId, 'read');
  const [patient, safety, scores, courses, visits, noteRows, previousRows] = await Promise.all([
    loadPatientSummary(ctx.db, appointment.patientId, todayIn(ctx)),
    loadPatientSafety(ctx.db, appointment.patientId),
    listPatientScores(ctx.db, appointment.patientId),
    listTreatmentCourses(ctx, appointment.patientId),
    listVisits(ctx.db, appointment.patientId),
    ctx.db.select().from(visitNotes).where(eq(visitNotes.appointmentId, appointmentId)),
    ctx.db
      .select({
        id: visitNotes.id,
        signedAt: visitNotes.signedAt,
        assessment: visitNotes.assessment,
        plan: visitNotes.plan,
      })
      .from(visitNotes)
      .innerJoin(appointments, eq(appointments.id, visitNotes.appointmentId))
      .where(
        and(
          eq(visitNotes.patientId, appointment.patientId),
          eq(visitNotes.status, 'signed'),
          lt(appointments.startAt, appointment.startAt),
        ),
      )
      .orderBy(desc(appointments.startAt))
      .limit(1),
  ]);
  const noteRow = noteRows[0];
  const note = noteRow ? await readNoteDetails(ctx.db, noteRow) : null;
  const previous = previousRows[0];
  const previousNote = previous
    ? { ...previous, pointCodes: visits.find((v) => v.noteId === previous.id)?.pointCodes ?? [] }
    : null;
  await auditClinicalRecord(
    ctx.db,
    actor,
    'visit_note.read',
    note ? 'visit_note' : 'patient_chart',
    note ? note.id : appointment.patientId,
    { appointmentId },
  );
  return {
    appointment,
    patient,
    safety,
    note,
    previousNote,
    scores,
    activeCourse: withProgress(courses, visits),
    isTreatingPractitioner: appointment.practitionerId === viewer.practitionerId,
    viewer,
  };
}
