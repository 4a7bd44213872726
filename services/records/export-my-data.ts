// "Download all my data" (issue 6): everything the clinic keeps about the signed-in patient, as
// one JSON document. Only their own rows; working drafts of practitioners' notes are left out until
// signed, because they are not yet part of the record. The export itself is audited.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '#db/client.server.ts';
import {
  adverseEvents,
  appointmentChanges,
  appointments,
  chartedPoints,
  intakeForms,
  noteAddenda,
  patients,
  questionnaireResponses,
  treatmentCourses,
  users,
  visitNotes,
} from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor } from '../auth/actor.ts';
import { listMyAppointments } from '../booking/list-appointments.ts';
import type { ServiceContext } from '../context.ts';
import { findOwnPatientId } from './record-access.ts';

export const EXPORT_FORMAT = 'backpoint-patient-export/1';

async function loadSignedNotes(db: Database, patientId: string) {
  const notes = await db
    .select({
      id: visitNotes.id,
      appointmentId: visitNotes.appointmentId,
      courseId: visitNotes.courseId,
      subjective: visitNotes.subjective,
      objective: visitNotes.objective,
      assessment: visitNotes.assessment,
      plan: visitNotes.plan,
      painScore: visitNotes.painScore,
      needlesIn: visitNotes.needlesIn,
      needlesOut: visitNotes.needlesOut,
      aftercare: visitNotes.aftercare,
      signedAt: visitNotes.signedAt,
    })
    .from(visitNotes)
    .where(and(eq(visitNotes.patientId, patientId), eq(visitNotes.status, 'signed')))
    .orderBy(asc(visitNotes.signedAt));
  const ids = notes.map((n) => n.id);
  if (ids.length === 0) return [];
  const [points, events, addenda] = await Promise.all([
    db
      .select()
      .from(chartedPoints)
      .where(inArray(chartedPoints.noteId, ids))
      .orderBy(asc(chartedPoints.position)),
    db.select().from(adverseEvents).where(inArray(adverseEvents.noteId, ids)),
    db
      .select({ noteId: noteAddenda.noteId, text: noteAddenda.text, createdAt: noteAddenda.createdAt })
      .from(noteAddenda)
      .where(inArray(noteAddenda.noteId, ids))
      .orderBy(asc(noteAddenda.createdAt)),
  ]);
  return notes.map((note) => ({
    ...note,
    chartedPoints: points
      .filter((p) => p.noteId === note.id)
      .map(({ id: _id, noteId: _noteId, ...point }) => point),
    adverseEvents: events
      .filter((e) => e.noteId === note.id)
      .map(({ id: _id, noteId: _noteId, recordedByUserId: _by, ...event }) => event),
    addenda: addenda.filter((a) => a.noteId === note.id).map(({ noteId: _noteId, ...a }) => a),
  }));
}

/** The signed-in patient's records as one JSON-ready object. */
export async function exportMyData(ctx: ServiceContext, actor: Actor) {
  const patientId = await findOwnPatientId(ctx.db, actor);
  const db = ctx.db;
  const [[account], [patient], appointmentList, intake, questionnaires, courses, notes] = await Promise.all([
    db
      .select({
        email: users.email,
        displayName: users.displayName,
        emailVerifiedAt: users.emailVerifiedAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.id, actor.userId)),
    db
      .select({
        id: patients.id,
        givenName: patients.givenName,
        familyName: patients.familyName,
        dateOfBirth: patients.dateOfBirth,
        sex: patients.sex,
        email: patients.email,
        phone: patients.phone,
        createdAt: patients.createdAt,
      })
      .from(patients)
      .where(eq(patients.id, patientId)),
    listMyAppointments(ctx, actor),
    db
      .select({
        status: intakeForms.status,
        answers: intakeForms.answers,
        safetyIntake: intakeForms.safetyIntake,
        consentToTreatment: intakeForms.consentToTreatment,
        consentToDataProcessing: intakeForms.consentToDataProcessing,
        submittedAt: intakeForms.submittedAt,
        updatedAt: intakeForms.updatedAt,
      })
      .from(intakeForms)
      .where(eq(intakeForms.patientId, patientId)),
    db
      .select({
        id: questionnaireResponses.id,
        instrument: questionnaireResponses.instrument,
        status: questionnaireResponses.status,
        answers: questionnaireResponses.answers,
        score: questionnaireResponses.score,
        band: questionnaireResponses.band,
        subscores: questionnaireResponses.subscores,
        completedAt: questionnaireResponses.completedAt,
        updatedAt: questionnaireResponses.updatedAt,
      })
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.patientId, patientId))
      .orderBy(asc(questionnaireResponses.createdAt)),
    db
      .select({
        id: treatmentCourses.id,
        status: treatmentCourses.status,
        durationCategory: treatmentCourses.durationCategory,
        startBackBand: treatmentCourses.startBackBand,
        startsOn: treatmentCourses.startsOn,
        plan: treatmentCourses.plan,
        goals: treatmentCourses.goals,
      })
      .from(treatmentCourses)
      .where(eq(treatmentCourses.patientId, patientId)),
    loadSignedNotes(db, patientId),
  ]);
  const appointmentIds = appointmentList.map((a) => a.id);
  const history =
    appointmentIds.length === 0
      ? []
      : await db
          .select({
            appointmentId: appointmentChanges.appointmentId,
            change: appointmentChanges.change,
            at: appointmentChanges.at,
            startAt: appointmentChanges.startAt,
            previousStartAt: appointmentChanges.previousStartAt,
            reason: appointmentChanges.reason,
          })
          .from(appointmentChanges)
          .innerJoin(appointments, eq(appointments.id, appointmentChanges.appointmentId))
          .where(
            and(
              eq(appointments.patientId, patientId),
              inArray(appointmentChanges.appointmentId, appointmentIds),
            ),
          )
          .orderBy(asc(appointmentChanges.at));
  await recordAuditEvent(db, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: 'patient.export',
    entityType: 'patient',
    entityId: patientId,
    outcome: 'success',
  });
  return {
    format: EXPORT_FORMAT,
    exportedAt: ctx.clock.now().toISOString(),
    clinic: { name: ctx.config.clinic.name, phone: ctx.config.clinic.phone, email: ctx.config.clinic.email },
    account: account ?? null,
    patient: patient ?? null,
    appointments: appointmentList.map((a) => ({
      ...a,
      history: history.filter((h) => h.appointmentId === a.id).map(({ appointmentId: _id, ...h }) => h),
    })),
    intakeForm: intake[0] ?? null,
    questionnaireResponses: questionnaires,
    treatmentCourses: courses,
    visitNotes: notes,
  };
}

export type PatientExport = Awaited<ReturnType<typeof exportMyData>>;
