// The right to erasure (issue 8 "privacy"): a patient asks, an admin carries it out. What identifies
// the person — account, name, contact details, birth date, their messages and emails — is erased;
// clinical records (notes, scores, intake, appointments) are kept for the clinic's legal retention
// period, attached to an anonymised patient. The audit trail is append-only and keeps ids only.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import {
  appointmentChanges,
  appointments,
  contactMessages,
  deletionRequests,
  outboxMessages,
  patients,
  users,
} from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/passwords.ts';
import { revokeAllSessions } from '../auth/sessions.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

export type DeletionRequestView = {
  id: string;
  patientId: string;
  status: 'requested' | 'completed';
  reason: string;
  requestedAt: Date;
  completedAt: Date | null;
};

async function ownPatientId(ctx: ServiceContext, actor: Actor): Promise<string> {
  if (actor.role !== 'patient')
    throw new AppError('forbidden', 'patients_only', 'Only patients can ask for this.');
  const [own] = await ctx.db
    .select({ id: patients.id })
    .from(patients)
    .where(eq(patients.userId, actor.userId));
  if (!own) throw new AppError('forbidden', 'no_patient_record', 'This account has no patient record.');
  return own.id;
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin')
    throw new AppError('forbidden', 'admins_only', 'Only clinic administrators can do this.');
}

/** A patient asks for their personal data to be erased; asking again returns the open request. */
export async function requestDeletion(
  ctx: ServiceContext,
  actor: Actor,
  reason = '',
): Promise<DeletionRequestView> {
  const patientId = await ownPatientId(ctx, actor);
  return ctx.db.transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(deletionRequests)
      .where(and(eq(deletionRequests.patientId, patientId), eq(deletionRequests.status, 'requested')));
    if (open) return open;
    const [created] = await tx
      .insert(deletionRequests)
      .values({ patientId, reason: reason.trim().slice(0, 1000), requestedAt: ctx.clock.now() })
      .returning();
    await recordAuditEvent(tx, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'privacy.deletion-requested',
      entityType: 'patient',
      entityId: patientId,
      outcome: 'success',
    });
    return created!;
  });
}

export async function listDeletionRequests(
  ctx: ServiceContext,
  actor: Actor,
): Promise<DeletionRequestView[]> {
  requireAdmin(actor);
  return ctx.db.select().from(deletionRequests).orderBy(asc(deletionRequests.requestedAt));
}

/** Carries out a request: erases what identifies the patient, keeps the clinical record. */
export async function completeDeletion(
  ctx: ServiceContext,
  actor: Actor,
  requestId: string,
): Promise<DeletionRequestView> {
  requireAdmin(actor);
  const now = ctx.clock.now();
  // The account can never be signed in to again: a random password nobody knows.
  const unusableHash = await hashPassword(randomBytes(32).toString('base64url'));
  const result = await ctx.db.transaction(async (tx) => {
    const [request] = await tx.select().from(deletionRequests).where(eq(deletionRequests.id, requestId));
    if (!request) throw new AppError('not_found', 'not_found', 'There is no such request.');
    if (request.status === 'completed') return { request, userId: null };
    const [patient] = await tx.select().from(patients).where(eq(patients.id, request.patientId));
    if (!patient) throw new AppError('not_found', 'not_found', 'There is no such patient.');

    // Future appointments are cancelled: nobody is left to come to them.
    const future = await tx
      .update(appointments)
      .set({
        status: 'cancelled',
        cancellationReason: 'Patient data erased on request',
        cancelledAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(appointments.patientId, patient.id),
          eq(appointments.status, 'booked'),
          gt(appointments.startAt, now),
        ),
      )
      .returning({ id: appointments.id, startAt: appointments.startAt });
    for (const appointment of future) {
      await tx.insert(appointmentChanges).values({
        appointmentId: appointment.id,
        change: 'cancelled',
        at: now,
        actorUserId: actor.userId,
        reason: 'Patient data erased on request',
        startAt: appointment.startAt,
      });
    }
    const emails = [patient.email].filter((e): e is string => Boolean(e));
    if (emails.length > 0) {
      await tx.delete(outboxMessages).where(inArray(outboxMessages.recipient, emails));
      await tx.delete(contactMessages).where(inArray(contactMessages.email, emails));
    }
    await tx
      .update(patients)
      .set({
        givenName: 'Erased',
        familyName: 'patient',
        dateOfBirth: null,
        email: null,
        phone: null,
        sex: 'unknown',
        updatedAt: now,
      })
      .where(eq(patients.id, patient.id));
    if (patient.userId) {
      await tx
        .update(users)
        .set({
          email: `erased-${patient.userId}@erased.invalid`,
          displayName: 'Erased account',
          passwordHash: unusableHash,
          emailVerifiedAt: null,
          updatedAt: now,
        })
        .where(eq(users.id, patient.userId));
    }
    const [completed] = await tx
      .update(deletionRequests)
      .set({ status: 'completed', completedAt: now, completedByUserId: actor.userId })
      .where(eq(deletionRequests.id, requestId))
      .returning();
    await recordAuditEvent(tx, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'privacy.deletion-completed',
      entityType: 'patient',
      entityId: patient.id,
      outcome: 'success',
      detail: { cancelledAppointments: future.length },
    });
    return { request: completed!, userId: patient.userId };
  });
  if (result.userId) await revokeAllSessions(ctx, result.userId);
  return result.request;
}
