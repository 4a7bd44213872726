// The practitioner's note of one visit (issue 7): a SOAP draft saved against an optimistic `version`,
// then signed and locked. A signed note never changes: the service refuses, and so does the database
// (migration 0007: triggers on visit_notes, charted_points and adverse_events). Corrections are
// addenda with their author and time. Every read and write leaves an audit row.
import { and, asc, eq } from 'drizzle-orm';
import type { VisitNoteDraft } from '#contracts/visit-notes.ts';
import type { Database } from '#db/client.server.ts';
import {
  adverseEvents,
  chartedPoints,
  noteAddenda,
  treatmentCourses,
  users,
  visitNotes,
} from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { findAppointmentRecord } from '../booking/appointment-view.ts';
import { closeAppointment } from '../booking/change-appointment.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  auditClinicalRecord,
  type PractitionerIdentity,
  requireClinicalAccess,
  requirePractitioner,
} from './clinical-access.ts';
import { listCautionsToAcknowledge, loadPatientSafety } from './patient-safety.ts';

export type VisitNoteRow = typeof visitNotes.$inferSelect;

export type ChartedPointView = Omit<typeof chartedPoints.$inferSelect, 'noteId'>;

export type AdverseEventView = {
  id: string;
  kind: (typeof adverseEvents.$inferSelect)['kind'];
  severity: (typeof adverseEvents.$inferSelect)['severity'];
  description: string;
  actionTaken: string;
  occurredAt: Date;
  recordedByName: string | null;
};

export type AddendumView = { id: string; text: string; authorName: string; createdAt: Date };

export type VisitNoteView = VisitNoteRow & {
  signedByName: string | null;
  points: ChartedPointView[];
  adverseEvents: AdverseEventView[];
  addenda: AddendumView[];
};

function noteNotFound(): AppError {
  return new AppError('not_found', 'not_found', 'There is no such visit note.');
}

function signedNoteError(): AppError {
  return new AppError('conflict', 'note_signed', 'This note is signed and locked. Add an addendum instead.');
}

function versionConflict(): AppError {
  return new AppError(
    'conflict',
    'version_conflict',
    'This note was changed somewhere else (another tab or device) since you opened it. Reload to see the latest version; copy what you typed first.',
  );
}

/** The note's points, adverse events and addenda, each in order, with people's names. */
export async function readNoteDetails(db: Database, note: VisitNoteRow): Promise<VisitNoteView> {
  const [points, events, addenda, signer] = await Promise.all([
    db
      .select()
      .from(chartedPoints)
      .where(eq(chartedPoints.noteId, note.id))
      .orderBy(asc(chartedPoints.position)),
    db
      .select({
        id: adverseEvents.id,
        kind: adverseEvents.kind,
        severity: adverseEvents.severity,
        description: adverseEvents.description,
        actionTaken: adverseEvents.actionTaken,
        occurredAt: adverseEvents.occurredAt,
        recordedByName: users.displayName,
      })
      .from(adverseEvents)
      .leftJoin(users, eq(users.id, adverseEvents.recordedByUserId))
      .where(eq(adverseEvents.noteId, note.id))
      .orderBy(asc(adverseEvents.occurredAt)),
    db
      .select({
        id: noteAddenda.id,
        text: noteAddenda.text,
        authorName: users.displayName,
        createdAt: noteAddenda.createdAt,
      })
      .from(noteAddenda)
      .innerJoin(users, eq(users.id, noteAddenda.authorUserId))
      .where(eq(noteAddenda.noteId, note.id))
      .orderBy(asc(noteAddenda.createdAt)),
    note.signedByUserId
      ? db.select({ name: users.displayName }).from(users).where(eq(users.id, note.signedByUserId))
      : Promise.resolve([]),
  ]);
  return {
    ...note,
    signedByName: signer[0]?.name ?? null,
    points: points.map(({ noteId: _noteId, ...point }) => point),
    adverseEvents: events,
    addenda,
  };
}

/** The note of an appointment with everything on it, or null when none was started. Audited. */
export async function findVisitNoteForAppointment(
  ctx: ServiceContext,
  actor: Actor,
  appointmentId: string,
): Promise<VisitNoteView | null> {
  await requirePractitioner(ctx.db, actor);
  const [note] = await ctx.db.select().from(visitNotes).where(eq(visitNotes.appointmentId, appointmentId));
  if (!note) return null;
  await requireClinicalAccess(ctx.db, actor, note.patientId, 'read');
  await auditClinicalRecord(ctx.db, actor, 'visit_note.read', 'visit_note', note.id);
  return readNoteDetails(ctx.db, note);
}

/** One note by id with everything on it. Audited. */
export async function loadVisitNote(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
): Promise<VisitNoteView> {
  await requirePractitioner(ctx.db, actor);
  const [note] = await ctx.db.select().from(visitNotes).where(eq(visitNotes.id, noteId));
  if (!note) throw noteNotFound();
  await requireClinicalAccess(ctx.db, actor, note.patientId, 'read');
  await auditClinicalRecord(ctx.db, actor, 'visit_note.read', 'visit_note', note.id);
  return readNoteDetails(ctx.db, note);
}

/**
 * The note locked for a change: it must exist, still be a draft and belong to the practitioner who
 * treats (colleagues may read and add addenda, but not write someone else's note).
 */
export async function lockDraftNote(
  tx: Database,
  practitioner: PractitionerIdentity,
  noteId: string,
): Promise<VisitNoteRow> {
  const [note] = await tx.select().from(visitNotes).where(eq(visitNotes.id, noteId)).for('update');
  if (!note) throw noteNotFound();
  if (note.status === 'signed') throw signedNoteError();
  if (note.practitionerId !== practitioner.practitionerId) {
    throw new AppError(
      'forbidden',
      'not_treating_practitioner',
      'Only the practitioner who treats this visit can write its note.',
    );
  }
  return note;
}

/** The appointment a note is written for: one of the practitioner's own, not cancelled. */
async function loadAppointmentForNote(
  tx: Database,
  practitioner: PractitionerIdentity,
  appointmentId: string,
) {
  const appointment = await findAppointmentRecord(tx, appointmentId);
  if (!appointment) throw new AppError('not_found', 'not_found', 'There is no such appointment.');
  if (appointment.practitionerId !== practitioner.practitionerId) {
    throw new AppError(
      'forbidden',
      'not_treating_practitioner',
      'Only the practitioner who treats this visit can write its note.',
    );
  }
  if (appointment.status === 'cancelled' || appointment.status === 'no-show') {
    throw new AppError(
      'business_rule',
      'appointment_not_attended',
      `This appointment is marked ${appointment.status}; there is no visit to write up.`,
    );
  }
  return appointment;
}

function mergeAcknowledgements(existing: readonly string[], added: readonly string[] = []): string[] {
  return [...new Set([...existing, ...added])];
}

export type DraftInput = VisitNoteDraft & {
  needlesIn?: number | undefined;
  needlesOut?: number | undefined;
  /** Safety-screen cautions acknowledged with this save (added to those already acknowledged). */
  acknowledge?: string[];
};

/**
 * Saves the draft. `version` is the one the editor last saw: 0 creates the note, any other number
 * must still be current, or the save is refused as a conflict so two tabs never overwrite each other.
 */
export async function saveVisitNoteDraft(
  ctx: ServiceContext,
  actor: Actor,
  appointmentId: string,
  input: DraftInput,
): Promise<{ noteId: string; version: number }> {
  return ctx.db.transaction(async (tx) => {
    const practitioner = await requirePractitioner(tx, actor);
    const appointment = await loadAppointmentForNote(tx, practitioner, appointmentId);
    const now = ctx.clock.now();
    const fields = {
      subjective: input.subjective,
      objective: input.objective,
      assessment: input.assessment,
      plan: input.plan,
      aftercare: input.aftercare,
      painScore: input.painScore ?? null,
      needlesIn: input.needlesIn ?? null,
      needlesOut: input.needlesOut ?? null,
      updatedAt: now,
    };
    if (input.version === 0) {
      const [course] = await tx
        .select({ id: treatmentCourses.id })
        .from(treatmentCourses)
        .where(
          and(eq(treatmentCourses.patientId, appointment.patientId), eq(treatmentCourses.status, 'active')),
        );
      const [created] = await tx
        .insert(visitNotes)
        .values({
          ...fields,
          appointmentId,
          patientId: appointment.patientId,
          practitionerId: appointment.practitionerId,
          courseId: course?.id ?? null,
          acknowledgedCautions: mergeAcknowledgements([], input.acknowledge),
          createdAt: now,
        })
        .onConflictDoNothing({ target: visitNotes.appointmentId })
        .returning({ id: visitNotes.id, version: visitNotes.version });
      if (!created) throw versionConflict();
      await auditClinicalRecord(tx, actor, 'visit_note.create', 'visit_note', created.id, { appointmentId });
      return { noteId: created.id, version: created.version };
    }
    const [current] = await tx
      .select({ id: visitNotes.id })
      .from(visitNotes)
      .where(eq(visitNotes.appointmentId, appointmentId));
    if (!current) throw versionConflict();
    const note = await lockDraftNote(tx, practitioner, current.id);
    if (note.version !== input.version) throw versionConflict();
    const [saved] = await tx
      .update(visitNotes)
      .set({
        ...fields,
        acknowledgedCautions: mergeAcknowledgements(note.acknowledgedCautions, input.acknowledge),
        version: note.version + 1,
      })
      .where(and(eq(visitNotes.id, note.id), eq(visitNotes.version, input.version)))
      .returning({ version: visitNotes.version });
    if (!saved) throw versionConflict();
    await auditClinicalRecord(tx, actor, 'visit_note.update', 'visit_note', note.id, {
      version: saved.version,
    });
    return { noteId: note.id, version: saved.version };
  });
}

/** Adds acknowledgement keys (safety cautions the practitioner has considered) without a version check. */
export async function acknowledgeOnNote(tx: Database, note: VisitNoteRow, keys: readonly string[]) {
  const merged = mergeAcknowledgements(note.acknowledgedCautions, keys);
  if (merged.length === note.acknowledgedCautions.length) return;
  await tx.update(visitNotes).set({ acknowledgedCautions: merged }).where(eq(visitNotes.id, note.id));
}

/**
 * Signs and locks the note at `version`. Refused while any needle that went in has not come out,
 * while the count is missing, or while a safety caution is unacknowledged. Once the visit has
 * started, a still-booked appointment is closed as completed.
 */
export async function signVisitNote(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  version: number,
): Promise<{ version: number }> {
  const signed = await ctx.db.transaction(async (tx) => {
    const practitioner = await requirePractitioner(tx, actor);
    const note = await lockDraftNote(tx, practitioner, noteId);
    if (note.version !== version) throw versionConflict();
    if (note.needlesIn === null || note.needlesOut === null) {
      throw new AppError(
        'business_rule',
        'needle_count_missing',
        'Record how many needles went in and came out before signing (0 if none were used).',
        {
          ...(note.needlesIn === null ? { needlesIn: 'Needles in is missing.' } : {}),
          ...(note.needlesOut === null ? { needlesOut: 'Needles out is missing.' } : {}),
        },
      );
    }
    if (note.needlesIn !== note.needlesOut) {
      throw new AppError(
        'business_rule',
        'needle_count_mismatch',
        `${note.needlesIn} needles went in but ${note.needlesOut} came out. Find every needle before signing.`,
        { needlesOut: `Does not match needles in (${note.needlesIn}).` },
      );
    }
    const safety = await loadPatientSafety(tx, note.patientId);
    const unacknowledged = listCautionsToAcknowledge(safety).filter(
      (key) => !note.acknowledgedCautions.includes(key),
    );
    if (unacknowledged.length > 0) {
      throw new AppError(
        'business_rule',
        'cautions_not_acknowledged',
        'Acknowledge every safety caution before signing.',
        Object.fromEntries(unacknowledged.map((key) => [`acknowledge.${key}`, 'Not acknowledged yet.'])),
      );
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .update(visitNotes)
      .set({
        status: 'signed',
        signedAt: now,
        signedByUserId: actor.userId,
        version: note.version + 1,
        updatedAt: now,
      })
      .where(and(eq(visitNotes.id, note.id), eq(visitNotes.status, 'draft')))
      .returning({ version: visitNotes.version, appointmentId: visitNotes.appointmentId });
    if (!row) throw signedNoteError();
    await auditClinicalRecord(tx, actor, 'visit_note.sign', 'visit_note', note.id, { version: row.version });
    return row;
  });
  const appointment = await findAppointmentRecord(ctx.db, signed.appointmentId);
  if (appointment?.status === 'booked' && appointment.startAt <= ctx.clock.now()) {
    await closeAppointment(ctx, actor, appointment.id, 'completed');
  }
  return { version: signed.version };
}

/** A correction or addition to a signed note, kept with its author and time. */
export async function addNoteAddendum(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  text: string,
): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const [note] = await tx
      .select({ status: visitNotes.status, patientId: visitNotes.patientId })
      .from(visitNotes)
      .where(eq(visitNotes.id, noteId));
    if (!note) throw noteNotFound();
    await requireClinicalAccess(tx, actor, note.patientId, 'write');
    if (note.status !== 'signed') {
      throw new AppError(
        'business_rule',
        'note_not_signed',
        'This note is still a draft: change it directly. Addenda are for signed notes.',
      );
    }
    const [row] = await tx
      .insert(noteAddenda)
      .values({ noteId, authorUserId: actor.userId, text: text.trim(), createdAt: ctx.clock.now() })
      .returning({ id: noteAddenda.id });
    await auditClinicalRecord(tx, actor, 'note_addendum.create', 'note_addendum', row!.id, { noteId });
    return { id: row!.id };
  });
}

/**
 * The note of an appointment, started blank when there is none yet (charting a point or recording
 * an adverse event before any text was typed). Never moves the version of an existing note.
 */
export async function ensureVisitNote(
  ctx: ServiceContext,
  actor: Actor,
  appointmentId: string,
): Promise<{ noteId: string }> {
  const existing = async () => {
    const [note] = await ctx.db
      .select({ id: visitNotes.id })
      .from(visitNotes)
      .where(eq(visitNotes.appointmentId, appointmentId));
    return note ? { noteId: note.id } : null;
  };
  const found = await existing();
  if (found) return found;
  try {
    const created = await saveVisitNoteDraft(ctx, actor, appointmentId, {
      version: 0,
      subjective: '',
      objective: '',
      assessment: '',
      plan: '',
      aftercare: '',
      painScore: undefined,
    });
    return { noteId: created.noteId };
  } catch (error) {
    // Another request started it at the same moment: use that one.
    const raced = error instanceof AppError && error.code === 'version_conflict' ? await existing() : null;
    if (raced) return raced;
    throw error;
  }
}
